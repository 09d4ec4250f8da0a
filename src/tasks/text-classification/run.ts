import type { TaskRunner } from '../types';
import type { Input, Output } from './types';
import { requireText } from '../shared/worker-input';
import { requireWithinContext } from '../shared/context-limit';

type Classifier = (text: string, options: { top_k: number | null }) => Promise<{ label: string; score: number }[]>;

const runner: TaskRunner<Input, Output, never, Classifier> = {
  async warmup(pipe) {
    await pipe('warm up', { top_k: 1 });
  },
  async run({ pipe, input }) {
    const text = requireText(input);
    requireWithinContext(pipe, text);
    const output = await pipe(text, { top_k: null });
    return { output };
  },
};
export default runner;
