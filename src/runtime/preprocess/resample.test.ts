import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cropPixels, pilResize, ResampleError, type Pixels } from './resample';

// Written by scripts/reference/resize_fixtures.py with Pillow's own Image.resize (Debian python3-pil).
interface Case { filter: number; name: string; width: number; height: number; data: string }
const fixture = JSON.parse(readFileSync(new URL('./fixtures/pil-resize.json', import.meta.url), 'utf8')) as {
  input: { width: number; height: number; channels: number; data: string };
  cases: Case[];
};
const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
const input: Pixels = { ...fixture.input, data: bytes(fixture.input.data) };

describe('pilResize matches Pillow byte for byte', () => {
  it.each(fixture.cases.map((c) => [`${c.name} ${input.width}×${input.height} → ${c.width}×${c.height}`, c] as const))('%s', (_, c) => {
    const out = pilResize(input, c.width, c.height, c.filter);
    const want = bytes(c.data);
    expect([out.width, out.height, out.channels]).toEqual([c.width, c.height, 3]);
    let differing = 0;
    for (let i = 0; i < want.length; i++) if (out.data[i] !== want[i]) differing += 1;
    expect(differing).toBe(0);
  });

  it('covers up- and downscales of every filter', () => {
    for (const filter of [0, 1, 2, 3, 4, 5]) {
      const cases = fixture.cases.filter((c) => c.filter === filter);
      expect(cases.some((c) => c.width > input.width && c.height > input.height)).toBe(true);
      expect(cases.some((c) => c.width < input.width && c.height < input.height)).toBe(true);
    }
  });

  it('refuses a size that is not a whole number, and an unknown filter', () => {
    expect(() => pilResize(input, 0, 4, 2)).toThrow(ResampleError);
    expect(() => pilResize(input, 4.5, 4, 2)).toThrow(ResampleError);
    expect(() => pilResize(input, 4, 4, 9)).toThrow(/filter 9/);
  });
});

describe('pilResize with a window computes only that part, with the same bytes', () => {
  it.each(fixture.cases.map((c) => [`${c.name} ${input.width}×${input.height} → ${c.width}×${c.height}`, c] as const))('%s: every centre and corner window', (_, c) => {
    const full = pilResize(input, c.width, c.height, c.filter);
    const sizes = [
      [c.width, c.height],
      [Math.max(1, c.width - 1), Math.max(1, c.height - 2)],
      [Math.max(1, Math.floor(c.width / 2)), Math.max(1, Math.floor(c.height / 3))],
      [1, 1],
    ];
    for (const [w, h] of sizes) {
      for (const [left, top] of [[Math.floor((c.width - w) / 2), Math.floor((c.height - h) / 2)], [0, 0], [c.width - w, c.height - h]]) {
        const window = { left, top, width: w, height: h };
        const got = pilResize(input, c.width, c.height, c.filter, window);
        expect(got.width * got.height).toBe(w * h);
        expect(Buffer.from(got.data).equals(Buffer.from(cropPixels(full, window).data))).toBe(true);
      }
    }
  });

  it('refuses a window outside the result', () => {
    expect(() => pilResize(input, 4, 4, 2, { left: 2, top: 0, width: 3, height: 4 })).toThrow(/not inside 4×4/);
  });
});
