import { InvalidInputError } from '../../protocol/errors';

// Pipelines silently cut a text at the model's context (or crash past it): a user who pasted a long
// article would get a result for its first page without knowing. These checks say so instead.

interface ContextPipe {
  tokenizer?: { encode?(text: string, options?: Record<string, unknown>): number[]; model_max_length?: number };
  model?: { config?: Record<string, unknown> };
}

const sane = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0 && n < 1_000_000;

/** The most tokens the model reads at once: the smallest of its position table and its tokenizer's limit. */
export function contextLimitOf(pipe: unknown): number | undefined {
  const { tokenizer, model } = (pipe ?? {}) as ContextPipe;
  const config = model?.config ?? {};
  const limits = [config.max_position_embeddings, config.n_positions, config.max_source_positions, tokenizer?.model_max_length].filter(sane);
  return limits.length > 0 ? Math.min(...limits) : undefined;
}

export function countTokens(pipe: unknown, text: string): number | undefined {
  const { tokenizer } = (pipe ?? {}) as ContextPipe;
  return typeof tokenizer?.encode === 'function' ? tokenizer.encode(text).length : undefined;
}

/**
 * Throws a clear input error when `text` (plus `reserve` tokens the task adds, e.g. a question or a
 * hypothesis) is longer than the model's context. Returns the token count when it fits.
 */
export function requireWithinContext(pipe: unknown, text: string, what = 'text', reserve = 0): number | undefined {
  const tokens = countTokens(pipe, text);
  if (tokens !== undefined) requireCountWithinContext(pipe, tokens, what, reserve);
  return tokens;
}

/** As requireWithinContext, for a text already tokenized (`tokens` of it): no second tokenization. */
export function requireCountWithinContext(pipe: unknown, tokens: number, what = 'text', reserve = 0): void {
  const limit = contextLimitOf(pipe);
  if (limit === undefined || tokens + reserve <= limit) return;
  const room = Math.max(0, limit - reserve);
  throw new InvalidInputError(
    `The ${what} is ${tokens} tokens; this model reads at most ${room === limit ? limit : `${room} here (of its ${limit})`}.`,
    `Shorten the ${what}, or split it and run the parts one by one.`,
  );
}
