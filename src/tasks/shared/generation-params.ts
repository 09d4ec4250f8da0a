import { InvalidInputError } from '../../protocol/errors';
import type { Params, ParamSpec } from '../types';

// Generation params shared by chat, text-generation and the encoder-decoder tasks. Kept apart from the
// runners: meta.ts files import these on the UI thread, which must not pull in Transformers.js.

export const maxNewTokensParam = (fallback: number, max = 512): ParamSpec => ({
  key: 'max_new_tokens', label: 'Max new tokens', kind: 'range', min: 1, max, step: 1, default: fallback,
});
export const minNewTokensParam = (max = 256): ParamSpec => ({
  key: 'min_new_tokens', label: 'Min new tokens', kind: 'range', min: 0, max, step: 1, default: 0,
  help: 'Suppresses the end-of-text token until this many tokens exist',
});
export const repetitionPenaltyParam = (fallback = 1): ParamSpec => ({
  key: 'repetition_penalty', label: 'Repetition penalty', kind: 'range', min: 1, max: 2, step: 0.05, default: fallback,
});

/** The sampling switch and the knobs that only matter when it is on. */
export function samplingParams(defaults: { doSample: boolean; topP: number }): ParamSpec[] {
  return [
    { key: 'do_sample', label: 'Sampling (off = greedy)', kind: 'toggle', default: defaults.doSample },
    { key: 'temperature', label: 'Temperature', kind: 'range', min: 0.05, max: 2, step: 0.05, default: 0.7, activeWhen: 'do_sample' },
    { key: 'top_k', label: 'Top-k', kind: 'range', min: 0, max: 200, step: 1, default: 50, help: '0 = off', activeWhen: 'do_sample' },
    { key: 'top_p', label: 'Top-p', kind: 'range', min: 0.05, max: 1, step: 0.05, default: defaults.topP, activeWhen: 'do_sample' },
  ];
}

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
