import { describe, expect, it } from 'vitest';
import { contentKey, picturesInFolder } from './picture-intake';

const file = (name: string, type = '') => new File([name], name, { type });

describe('picture intake', () => {
  it("keeps a folder's pictures by type or extension and names the rest", () => {
    const { images, skipped } = picturesInFolder([file('a.PNG'), file('b.jpeg'), file('c', 'image/webp'), file('.DS_Store'), file('notes.txt', 'text/plain')]);
    expect(images.map((f) => f.name)).toEqual(['a.PNG', 'b.jpeg', 'c']);
    expect(skipped).toEqual(['.DS_Store', 'notes.txt']);
  });
  it('keys a picture by its bytes, not its name', async () => {
    const a = await contentKey(new Blob(['same bytes']));
    expect(await contentKey(new File(['same bytes'], 'other-name.png'))).toBe(a);
    expect(await contentKey(new Blob(['other bytes']))).not.toBe(a);
  });
});
