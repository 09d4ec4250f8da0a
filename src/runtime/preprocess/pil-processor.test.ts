import { describe, expect, it, vi } from 'vitest';
import { usePythonPreprocessing } from './pil-processor';

const VIT = { image_processor_type: 'ViTImageProcessor', size: { height: 4, width: 4 }, resample: 2, do_rescale: true, do_normalize: true, image_mean: [0.5, 0.5, 0.5], image_std: [0.5, 0.5, 0.5] };

function fakePipe(config: Record<string, unknown>) {
  const own = vi.fn(async (_image: unknown, _overrides?: unknown) => 'transformers.js');
  return { pipe: { processor: { image_processor: { config, preprocess: own } } }, own };
}

const rgba = { data: new Uint8ClampedArray(8 * 6 * 4).fill(255), width: 8, height: 6, channels: 4 };

describe('usePythonPreprocessing', () => {
  it('replaces a supported processor’s per-image step with Python’s', async () => {
    const { pipe, own } = fakePipe(VIT);
    expect(usePythonPreprocessing(pipe)).toEqual({ kind: 'python' });
    const out = (await pipe.processor.image_processor.preprocess(rgba)) as unknown as {
      original_size: number[]; reshaped_input_size: number[]; pixel_values: { dims: number[]; data: Float32Array };
    };
    expect(own).not.toHaveBeenCalled();
    expect(out.original_size).toEqual([6, 8]);
    expect(out.reshaped_input_size).toEqual([4, 4]);
    expect(out.pixel_values.dims).toEqual([3, 4, 4]);
    // White, rescaled to 1, normalized with mean and std 0.5: 1 everywhere (alpha dropped).
    expect(Array.from(new Set(out.pixel_values.data))).toEqual([1]);
  });

  it('keeps Transformers.js’ path for processors whose rules it does not reproduce, and says why', async () => {
    const { pipe, own } = fakePipe({ image_processor_type: 'SamImageProcessor' });
    expect(usePythonPreprocessing(pipe)).toEqual({ kind: 'transformers.js', reason: 'processor type SamImageProcessor' });
    await pipe.processor.image_processor.preprocess(rgba);
    expect(own).toHaveBeenCalled();
  });

  it('leaves per-call overrides to Transformers.js, and ignores pipelines without an image processor', async () => {
    const { pipe, own } = fakePipe(VIT);
    usePythonPreprocessing(pipe);
    await (pipe.processor.image_processor.preprocess as (i: unknown, o: unknown) => Promise<unknown>)(rgba, { do_normalize: false });
    expect(own).toHaveBeenCalledTimes(1);
    expect(usePythonPreprocessing({ tokenizer: {} })).toBeNull();
    expect(usePythonPreprocessing(null)).toBeNull();
  });
});
