import { describe, expect, it } from 'vitest';
import { DOWNSCALED_SIDE, downscaledSize, looksLikeText, undecodableMessage } from './image-value';

describe('image intake', () => {
  it('leaves ordinary pictures alone and downscales huge ones to the longest side', () => {
    expect(downscaledSize(4000, 3000)).toBeUndefined();
    expect(downscaledSize(4096, 100)).toBeUndefined();
    expect(downscaledSize(6000, 4000)).toEqual({ width: DOWNSCALED_SIDE, height: 1365 });
    expect(downscaledSize(300, 20000)).toEqual({ width: 31, height: DOWNSCALED_SIDE });
  });

  it('tells text from binary data', () => {
    expect(looksLikeText(new TextEncoder().encode('hello, this is not an image\n'))).toBe(true);
    expect(looksLikeText(new TextEncoder().encode('naïve café ☃'))).toBe(true);
    expect(looksLikeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(false);
    expect(looksLikeText(new Uint8Array())).toBe(false);
  });

  it('says why a file is not usable', () => {
    expect(undecodableMessage('notes.txt', 'text/plain')).toMatch(/is a text\/plain file, not an image/);
    expect(undecodableMessage('photo.png', 'image/png', true)).toMatch(/contains text, not picture data/);
    expect(undecodableMessage('broken.png', 'image/png')).toMatch(/could not be decoded: the PNG data looks damaged/);
    expect(undecodableMessage('blob', 'application/octet-stream')).toMatch(/not an image this browser can read/);
  });
});
