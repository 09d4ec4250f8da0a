import type { RawImage } from '@huggingface/transformers';
import type { TaskRunner } from '../types';
import type { Output, WorkerInput } from './types';
import { requireImage, warmupImage } from '../shared/worker-input';

type Captioner = (image: RawImage, options: Record<string, unknown>) => Promise<{ generated_text: string }[]>;

const runner: TaskRunner<WorkerInput, Output, never, Captioner> = {
  async warmup(pipe) {
    await pipe(warmupImage(32), { max_new_tokens: 1 });
  },
  async run({ pipe, input, params }) {
    const image = await requireImage(input);
    const result = await pipe(image, {
      max_new_tokens: Number(params.max_new_tokens ?? 24),
      num_beams: Number(params.num_beams ?? 1),
    });
    const output: Output = { text: result[0]?.generated_text ?? '' };
    return { output };
  },
};
export default runner;
