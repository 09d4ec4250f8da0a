import { describe, expect, it } from 'vitest';
import { restoreInput, shareableInput } from './input-shape';

// An input with a picture among other fields (Ask about an image: the picture, a conversation, a task prompt).
const template = {
  image: { kind: 'sample', name: 'coffee.png', url: '/samples/coffee.png' },
  chat: { system: '', draft: 'What is in this picture?', messages: [] as unknown[] },
  florence: { task: '<CAPTION>', text: '' },
};

describe('a picture inside a structured input', () => {
  it('travels by reference; a picked file is left out with a note', () => {
    const sample = shareableInput({ ...template, image: { kind: 'sample', name: 'chelsea.png', url: '/samples/chelsea.png' } }, template);
    expect(sample.value).toEqual({ ...template, image: { kind: 'sample', name: 'chelsea.png' } });
    expect(sample.note).toBeUndefined();
    const file = shareableInput({ ...template, image: { kind: 'file', name: 'me.png', url: 'blob:x', blob: new Blob(['x']) } }, template);
    expect(file.value).toEqual({ chat: template.chat, florence: template.florence });
    expect(file.note).toMatch(/not put in the link/);
  });

  it('is restored only as a bundled sample or an http(s) URL, the rest kept', () => {
    const dropped: string[] = [];
    const restored = restoreInput({ image: { kind: 'sample', name: 'chelsea.png' }, chat: { draft: 'Hi' }, florence: { task: '<OD>' } }, template, dropped) as typeof template;
    expect(restored.image).toMatchObject({ kind: 'sample', name: 'chelsea.png' });
    expect(restored.chat.draft).toBe('Hi');
    expect(restored.florence).toEqual({ task: '<OD>', text: '' });
    expect(dropped).toEqual([]);

    const hostile: string[] = [];
    const refused = restoreInput({ image: { kind: 'file', url: 'blob:x' }, florence: { task: '<OD>' } }, template, hostile) as typeof template;
    expect(refused.image).toEqual(template.image);
    expect(hostile).toEqual(['input image: not a bundled sample or an http(s) image URL']);
  });
});
