import type { RawImage, Tensor } from '@huggingface/transformers';
import type { TaskRunner } from '../types';
import { requireImage, warmupImage } from '../shared/worker-input';

export interface DepthOutput {
  width: number;
  height: number;
  /** width × height, the prediction scaled to 0-255 between its min and max. */
  depth: Uint8Array;
  /** The model's raw prediction range (relative depth / disparity for most models; larger = nearer). */
  min: number;
  max: number;
}

type Estimator = (image: RawImage) => Promise<{ predicted_depth: Tensor; depth: RawImage }>;

const runner: TaskRunner = {
  async warmup(pipe) {
    await (pipe as Estimator)(warmupImage(32));
  },
  async run({ pipe, input }) {
    const image = await requireImage(input);
    const { predicted_depth, depth } = await (pipe as Estimator)(image);
    const raw = predicted_depth.data as Float32Array;
    let min = Infinity;
    let max = -Infinity;
    for (const v of raw) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const output: DepthOutput = { width: depth.width, height: depth.height, depth: new Uint8Array(depth.data), min, max };
    return { output };
  },
};
export default runner;
