import type { RawImage } from '@huggingface/transformers';
import type { TaskRunner } from '../types';
import type { Output, WorkerInput } from './types';
import { requireImage, warmupImage } from '../shared/worker-input';

type Classifier = (image: RawImage, options: { top_k: number }) => Promise<{ label: string; score: number }[]>;

const runner: TaskRunner<WorkerInput, Output, never, Classifier> = {
  async warmup(pipe) {
    await pipe(warmupImage(), { top_k: 1 });
  },
  async run({ pipe, input, params }) {
    const image = await requireImage(input);
    const output = await pipe(image, { top_k: Number(params.top_k ?? 5) });
    return { output };
  },
};
export default runner;
