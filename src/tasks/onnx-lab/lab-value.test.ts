import { describe, expect, it } from 'vitest';
import { guessLayout, packPixels } from './image-tensor';
import { defaultFeed, flattenJson, parseShape } from './lab-value';

describe('lab feeds', () => {
  it('fills symbolic dims with guesses and picks an image feed for NCHW pixels', () => {
    expect(defaultFeed({ name: 'x', type: 'float32', isTensor: true, shape: ['n', 3, 'h', 'w'] })).toMatchObject({ source: 'image', shape: '1, 3, 224, 224', layout: 'NCHW' });
    expect(defaultFeed({ name: 'ids', type: 'int64', isTensor: true, shape: ['batch', 'seq'] })).toMatchObject({ source: 'random', shape: '1, 8' });
    expect(defaultFeed({ name: 'img', type: 'float32', isTensor: true, shape: [1, 320, 320, 3] })).toMatchObject({ source: 'image', layout: 'NHWC' });
  });

  it('parses shapes and JSON values', () => {
    expect(parseShape('1, 3 x 224×224')).toEqual([1, 3, 224, 224]);
    expect(parseShape('1, -3')).toBeUndefined();
    expect(flattenJson('[[1, 2], [3, true]]', 'x')).toEqual([1, 2, 3, 1]);
    expect(() => flattenJson('[1, "a"]', 'x')).toThrow('Input "x": the JSON holds "a", which is not a number.');
    expect(() => flattenJson('[1, ', 'x')).toThrow(/Input "x": the JSON does not parse/);
  });

  it('packs pixels as NCHW or NHWC, in RGB or BGR, normalised', () => {
    const rgba = [10, 20, 30, 255, 40, 50, 60, 255]; // two pixels, 1 × 2
    const base = { order: 'RGB' as const, range: '0-255' as const, mean: [0, 0, 0], std: [1, 1, 1] };
    expect([...packPixels(rgba, [1, 3, 1, 2], { ...base, layout: 'NCHW' })]).toEqual([10, 40, 20, 50, 30, 60]);
    expect([...packPixels(rgba, [1, 1, 2, 3], { ...base, layout: 'NHWC' })]).toEqual([10, 20, 30, 40, 50, 60]);
    expect([...packPixels(rgba, [1, 1, 2, 3], { ...base, layout: 'NHWC', order: 'BGR' })]).toEqual([30, 20, 10, 60, 50, 40]);
    const norm = packPixels(rgba, [2, 3, 1, 2], { ...base, layout: 'NCHW', range: '0-1', mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] });
    expect(norm[0]).toBeCloseTo((10 / 255 - 0.5) / 0.5);
    expect(norm.length).toBe(12);
    expect(norm[6]).toBeCloseTo(norm[0]);
    expect(guessLayout([1, 'h', 'w', 3])).toBe('NHWC');
  });
});
