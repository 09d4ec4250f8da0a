import { describe, expect, it } from 'vitest';
import { sampleImage } from '../ui/kit/ImageInput/image-value';
import { restoreInput, shareableInput } from './input-shape';

// A task whose input holds pictures below its top level (image similarity's picture set and query picture).
const template = { pictures: [sampleImage('coffee.png')], by: 'picture', queryImage: sampleImage('chelsea.png'), queryText: 'a cat' };
const file = { kind: 'file', name: 'mine.png', url: 'blob:http://localhost/1', blob: new Blob(['x']) };

describe('pictures inside an input', () => {
  it('travel as sample names and web addresses; a picked file stays home, with a note', () => {
    const input = { ...template, pictures: [sampleImage('astronaut.png'), file, { kind: 'url', name: 'cat.jpg', url: 'https://example.com/cat.jpg' }], queryImage: file };
    const { value, note } = shareableInput(input, template);
    expect(value).toEqual({
      pictures: [{ kind: 'sample', name: 'astronaut.png' }, { kind: 'url', url: 'https://example.com/cat.jpg' }],
      by: 'picture',
      queryImage: undefined,
      queryText: 'a cat',
    });
    expect(note).toMatch(/links never carry pixels/);
    expect(JSON.stringify(value)).not.toContain('blob:');
  });

  it('come back as samples or http(s) images only; anything else is dropped and listed', () => {
    const dropped: string[] = [];
    const restored = restoreInput(
      {
        pictures: [
          { kind: 'sample', name: 'astronaut.png' },
          { kind: 'sample', name: 'nope.png', url: 'https://evil.example/x' },
          { kind: 'file', name: 'mine.png', url: 'blob:http://localhost/1' },
          { kind: 'url', url: 'javascript:alert(1)' },
          { kind: 'url', url: 'https://example.com/cat.jpg' },
        ],
        queryImage: { kind: 'sample', name: 'coffee.png' },
      },
      template,
      dropped,
    ) as typeof template;
    expect(restored.pictures).toEqual([sampleImage('astronaut.png'), { kind: 'url', name: 'cat.jpg', url: 'https://example.com/cat.jpg' }]);
    expect(restored.queryImage).toEqual(sampleImage('coffee.png'));
    expect(dropped).toHaveLength(3);
  });
});


// An input with a picture among other fields (Ask about an image: the picture, a conversation, a task prompt).
const vlmTemplate = {
  image: { kind: 'sample', name: 'coffee.png', url: '/samples/coffee.png' },
  chat: { system: '', draft: 'What is in this picture?', messages: [] as unknown[] },
  florence: { task: '<CAPTION>', text: '' },
};

describe('a picture inside a structured input', () => {
  it('travels by reference; a picked file is left out with a note', () => {
    const sample = shareableInput({ ...vlmTemplate, image: { kind: 'sample', name: 'chelsea.png', url: '/samples/chelsea.png' } }, vlmTemplate);
    expect(sample.value).toEqual({ ...vlmTemplate, image: { kind: 'sample', name: 'chelsea.png' } });
    expect(sample.note).toBeUndefined();
    const file = shareableInput({ ...vlmTemplate, image: { kind: 'file', name: 'me.png', url: 'blob:x', blob: new Blob(['x']) } }, vlmTemplate);
    expect(file.value).toEqual({ chat: vlmTemplate.chat, florence: vlmTemplate.florence });
    expect(file.note).toMatch(/not put in the link/);
  });

  it('is restored only as a bundled sample or an http(s) URL, the rest kept', () => {
    const dropped: string[] = [];
    const restored = restoreInput({ image: { kind: 'sample', name: 'chelsea.png' }, chat: { draft: 'Hi' }, florence: { task: '<OD>' } }, vlmTemplate, dropped) as typeof vlmTemplate;
    expect(restored.image).toMatchObject({ kind: 'sample', name: 'chelsea.png' });
    expect(restored.chat.draft).toBe('Hi');
    expect(restored.florence).toEqual({ task: '<OD>', text: '' });
    expect(dropped).toEqual([]);

    const hostile: string[] = [];
    const refused = restoreInput({ image: { kind: 'file', url: 'blob:x' }, florence: { task: '<OD>' } }, vlmTemplate, hostile) as typeof vlmTemplate;
    expect(refused.image).toEqual(vlmTemplate.image);
    expect(hostile).toEqual(['input image: not a bundled sample or an http(s) image URL']);
  });
});
