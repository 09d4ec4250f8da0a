import { InvalidInputError } from '../../protocol/errors';
import type { Params, ParamSpec } from '../types';

// Params of the encoder-decoder tasks. Kept apart from seq2seq-run.ts: meta.ts files import these on the
// UI thread, which must not pull in Transformers.js.

export const maxNewTokensParam = (fallback: number): ParamSpec => ({
  key: 'max_new_tokens', label: 'Max new tokens', kind: 'range', min: 1, max: 512, step: 1, default: fallback,
});
export const minNewTokensParam: ParamSpec = {
  key: 'min_new_tokens', label: 'Min new tokens', kind: 'range', min: 0, max: 256, step: 1, default: 0,
  help: 'Suppresses the end-of-text token until this many tokens exist',
};
export const repetitionPenaltyParam: ParamSpec = {
  key: 'repetition_penalty', label: 'Repetition penalty', kind: 'range', min: 1, max: 2, step: 0.05, default: 1,
};

/** Greedy generation options from the task's params; checks them as the worker's input validation. */
export function seq2seqOptions(params: Params): Record<string, unknown> {
  const maxNew = Number(params.max_new_tokens ?? 128);
  const minNew = Number(params.min_new_tokens ?? 0);
  const penalty = Number(params.repetition_penalty ?? 1);
  if (!(maxNew >= 1)) throw new InvalidInputError('Max new tokens must be at least 1.', 'Raise “Max new tokens”.');
  if (minNew > maxNew) {
    throw new InvalidInputError(`Min new tokens (${minNew}) is more than max new tokens (${maxNew}).`, 'Lower the minimum or raise the maximum.');
  }
  return {
    max_new_tokens: maxNew,
    ...(minNew > 0 ? { min_new_tokens: minNew } : {}),
    ...(penalty !== 1 ? { repetition_penalty: penalty } : {}),
    do_sample: false,
  };
}
