import type { RawImage, Tensor } from '@huggingface/transformers';
import type { TaskRunner } from '../types';
import type { Output, WorkerInput } from './types';
import { requireImage, warmupImage } from '../shared/worker-input';

type Estimator = (image: RawImage) => Promise<{ predicted_depth: Tensor; depth: RawImage }>;

const runner: TaskRunner<WorkerInput, Output, never, Estimator> = {
  async warmup(pipe) {
    await pipe(warmupImage(32));
  },
  async run({ pipe, input }) {
    const image = await requireImage(input);
    const { predicted_depth, depth } = await pipe(image);
    const raw = predicted_depth.data as Float32Array;
    let min = Infinity;
    let max = -Infinity;
    for (const v of raw) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const output: Output = { width: depth.width, height: depth.height, depth: new Uint8Array(depth.data), min, max };
    return { output };
  },
};
export default runner;
