import { InvalidInputError, UnsupportedModelError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import type { Input, Output } from './types';
import { requireText } from '../shared/worker-input';
import { countMasks, toModelMask } from './mask';
import { requireWithinContext } from '../shared/context-limit';

type Filler = ((text: string, options: { top_k: number }) => Promise<{ score: number; token_str: string; sequence: string }[]>) & {
  tokenizer: { mask_token?: string | null };
};

function maskTokenOf(pipe: Filler): string {
  const mask = pipe.tokenizer?.mask_token;
  if (!mask) {
    throw new UnsupportedModelError("This model's tokenizer has no mask token, so it cannot fill in blanks.", 'Pick a masked language model such as Xenova/bert-base-uncased.');
  }
  return mask;
}

function clampTopK(value: unknown): number {
  const k = Math.round(Number(value));
  return Number.isFinite(k) ? Math.min(20, Math.max(1, k)) : 5;
}

const runner: TaskRunner<Input, Output, never, Filler> = {
  async warmup(pipe) {
    await pipe(`Hello ${maskTokenOf(pipe)}.`, { top_k: 1 });
  },
  async run({ pipe, input, params }) {
    const text = requireText(input);
    const maskToken = maskTokenOf(pipe);
    const masks = countMasks(text);
    if (masks !== 1) {
      throw new InvalidInputError(
        masks === 0 ? 'The text has no mask token.' : `The text has ${masks} mask tokens; the model fills in one at a time.`,
        `Put exactly one ${maskToken} (or [MASK] / <mask>) where the missing word goes.`,
      );
    }
    requireWithinContext(pipe, toModelMask(text, maskToken));
    const results = await pipe(toModelMask(text, maskToken), { top_k: clampTopK(params.top_k) });
    const predictions = results.map((r) => ({ token: r.token_str.trim(), score: r.score, sequence: r.sequence }));
    const output: Output = { text, maskToken, predictions };
    return { output };
  },
};
export default runner;
