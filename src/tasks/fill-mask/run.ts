import { InvalidInputError, UnsupportedModelError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import { requireText } from '../shared/worker-input';
import { countMasks, toModelMask } from './mask';
import { requireWithinContext } from '../shared/context-limit';

export interface FillPrediction {
  /** The predicted token as the tokenizer decodes it, trimmed. */
  token: string;
  score: number;
  /** The whole sequence as the model decoded it (lower-cased for uncased models). */
  sequence: string;
}

export interface FillMaskOutput {
  /** The text as typed ([MASK] or <mask>). */
  text: string;
  /** The loaded model's own mask token. */
  maskToken: string;
  predictions: FillPrediction[];
}

type Filler = ((text: string, options: { top_k: number }) => Promise<{ score: number; token_str: string; sequence: string }[]>) & {
  tokenizer: { mask_token?: string | null };
};

function maskTokenOf(pipe: unknown): string {
  const mask = (pipe as Filler).tokenizer?.mask_token;
  if (!mask) {
    throw new UnsupportedModelError("This model's tokenizer has no mask token, so it cannot fill in blanks.", 'Pick a masked language model such as Xenova/bert-base-uncased.');
  }
  return mask;
}

function clampTopK(value: unknown): number {
  const k = Math.round(Number(value));
  return Number.isFinite(k) ? Math.min(20, Math.max(1, k)) : 5;
}

const runner: TaskRunner = {
  async warmup(pipe) {
    await (pipe as Filler)(`Hello ${maskTokenOf(pipe)}.`, { top_k: 1 });
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
    const results = await (pipe as Filler)(toModelMask(text, maskToken), { top_k: clampTopK(params.top_k) });
    const predictions = results.map((r) => ({ token: r.token_str.trim(), score: r.score, sequence: r.sequence }));
    const output: FillMaskOutput = { text, maskToken, predictions };
    return { output };
  },
};
export default runner;
