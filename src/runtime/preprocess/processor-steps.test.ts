import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { pilResize } from './resample';
import { centerCrop, resizeAndCrop, resizeTarget, toRgb, toTensorData, unsupportedReason, type ProcessorConfig } from './processor-steps';

// Written by scripts/reference/preprocess.py: each case's processor steps applied by PIL and numpy.
interface PyCase {
  model: string;
  image: string;
  config: ProcessorConfig;
  resized: { width: number; height: number; sha256: string; sample_stride: number; sample: number[] };
  tensor: { dims: number[]; min: number; max: number; mean: number };
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/python-preprocess.json', import.meta.url), 'utf8')) as {
  cases: Record<string, PyCase>;
};

/** The PNG's own 8-bit values (pngjs applies no colour profile or gamma, like Pillow). */
function decodeSample(name: string) {
  const png = PNG.sync.read(readFileSync(new URL(`../../../public/samples/${name}`, import.meta.url)));
  return { data: new Uint8Array(png.data), width: png.width, height: png.height, channels: 4 };
}

describe('processor steps match Python transformers + PIL', () => {
  it.each(Object.entries(fixture.cases))('%s', (_, c) => {
    expect(unsupportedReason(c.config)).toBeNull();
    const ready = resizeAndCrop(toRgb(decodeSample(c.image)), c.config);
    expect([ready.width, ready.height]).toEqual([c.resized.width, c.resized.height]);
    // Largest difference on the sampled values, then the whole 8-bit image by hash.
    let worst = 0;
    c.resized.sample.forEach((v, i) => (worst = Math.max(worst, Math.abs(ready.data[i * c.resized.sample_stride] - v))));
    expect(worst).toBe(0);
    expect(createHash('sha256').update(ready.data).digest('hex')).toBe(c.resized.sha256);
    const { data, dims } = toTensorData(ready, c.config);
    expect(dims).toEqual(c.tensor.dims);
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (const v of data) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    expect(min).toBeCloseTo(c.tensor.min, 5);
    expect(max).toBeCloseTo(c.tensor.max, 5);
    expect(sum / data.length).toBeCloseTo(c.tensor.mean, 5);
  });
});

describe('a centre crop resamples only its window', () => {
  const rgb = toRgb(decodeSample('chelsea.png'));
  it('ConvNeXt below 384 (edge / crop_pct, then edge × edge): the bytes of a full resize, then the crop', () => {
    const config: ProcessorConfig = { image_processor_type: 'ConvNextImageProcessor', size: { shortest_edge: 224 }, crop_pct: 0.875, resample: 3 };
    const got = resizeAndCrop(rgb, config);
    const [w, h] = resizeTarget({ size: { shortest_edge: 256 } }, rgb.width, rgb.height);
    const full = centerCrop(pilResize(rgb, w, h, 3), 224, 224);
    expect([got.width, got.height]).toEqual([224, 224]);
    expect(Buffer.from(got.data).equals(Buffer.from(full.data))).toBe(true);
  });
  it('a crop larger than the resized image is padded, as before', () => {
    const config: ProcessorConfig = { size: { height: 20, width: 30 }, do_center_crop: true, crop_size: { height: 24, width: 24 }, resample: 2 };
    const got = resizeAndCrop(rgb, config);
    expect([got.width, got.height]).toEqual([24, 24]);
    expect(Buffer.from(got.data).equals(Buffer.from(centerCrop(pilResize(rgb, 30, 20, 2), 24, 24).data))).toBe(true);
  });
});

describe('size rules', () => {
  it('shortest edge truncates the long side as Python does (int, not toFixed rounding)', () => {
    expect(resizeTarget({ size: { shortest_edge: 256 } }, 451, 300)).toEqual([384, 256]);
    // 256 * 1001 / 300 = 854.19 -> 854; and the portrait case keeps width as the short side.
    expect(resizeTarget({ size: { shortest_edge: 256 } }, 300, 1001)).toEqual([256, 854]);
  });
  it('DPT keep_aspect_ratio rounds to the multiple, halves to even', () => {
    expect(resizeTarget({ size: { height: 384, width: 384 }, keep_aspect_ratio: true, ensure_multiple_of: 32 }, 640, 480)).toEqual([512, 384]);
  });
  it('centre crop uses floor-divided offsets, and pads a crop larger than the image', () => {
    const img = { data: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), width: 3, height: 3, channels: 1 };
    expect(Array.from(centerCrop(img, 2, 2).data)).toEqual([1, 2, 4, 5]);
    expect(Array.from(centerCrop(img, 4, 3).data)).toEqual([0, 1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9]);
  });
  it('leaves processors with rules it does not know to Transformers.js', () => {
    expect(unsupportedReason({ image_processor_type: 'SamImageProcessor' })).toMatch(/SamImageProcessor/);
    expect(unsupportedReason({ image_processor_type: 'DetrImageProcessor', size: { shortest_edge: 800, longest_edge: 1333 } })).toMatch(/DetrImageProcessor/);
    expect(unsupportedReason({ image_processor_type: 'DPTImageProcessor', size: { height: 384, width: 384 }, do_pad: true })).toMatch(/pad/);
  });
});
