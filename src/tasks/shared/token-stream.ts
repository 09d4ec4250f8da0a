import { InterruptableStoppingCriteria, TextStreamer } from '@huggingface/transformers';
import type { RunStats } from '../../protocol/messages';
import type { RunContext } from '../types';
import type { TextChunk } from './text-chunk';

export type StreamTokenizer = ConstructorParameters<typeof TextStreamer>[0];

/** What generate() calls on a streamer. */
export interface Streamer {
  put(ids: bigint[][]): void;
  end(): void;
}

/** Partials are posted at most this often (ms): one per token costs a postMessage and a render per token. */
export const PARTIAL_INTERVAL_MS = 16;

export interface TokenStream {
  /** Pass both to generate(): the streamer emits text partials, the criteria honour Stop. */
  options: { streamer: Streamer; stopping_criteria: InterruptableStoppingCriteria[] };
  /** The text streamed so far. */
  text(): string;
  /** Time to first token, token count and decode speed (tokens after the first, per second). */
  stats(): Partial<RunStats>;
}

/**
 * Streams generated text to the UI as `{ text }` partials and checks the shared stop flag after every
 * token, so Stop ends a generation mid-way even while the worker's event loop is busy. Text is batched into
 * one partial per time slice (the first piece goes at once, the rest when the generation ends).
 */
export function streamTokens(tokenizer: StreamTokenizer, ctx: Pick<RunContext<unknown, TextChunk>, 'emit' | 'interrupted'>): TokenStream {
  const stopper = new InterruptableStoppingCriteria();
  const start = performance.now();
  let firstTokenAt: number | undefined;
  let tokens = 0;
  let streamed = '';
  let pending = '';
  let lastEmit = -Infinity;
  const flush = () => {
    if (pending) ctx.emit({ text: pending });
    pending = '';
    lastEmit = performance.now();
  };
  const decoder = new TextStreamer(tokenizer, {
    skip_prompt: true,
    skip_special_tokens: true,
    callback_function: (text: string) => {
      streamed += text;
      pending += text;
      // Checked here, not with a timer: the decode loop may not yield to the event loop between tokens.
      if (performance.now() - lastEmit >= PARTIAL_INTERVAL_MS) flush();
    },
    token_callback_function: () => {
      tokens += 1;
      firstTokenAt ??= performance.now();
      if (ctx.interrupted()) stopper.interrupt();
    },
  });
  const streamer: Streamer = {
    put: (ids) => decoder.put(ids),
    end() {
      decoder.end();
      flush();
    },
  };
  return {
    options: { streamer, stopping_criteria: [stopper] },
    text: () => streamed,
    stats() {
      const decodeSeconds = firstTokenAt === undefined ? 0 : (performance.now() - firstTokenAt) / 1000;
      return {
        ttftMs: firstTokenAt === undefined ? undefined : firstTokenAt - start,
        tokens,
        tokensPerSecond: tokens > 1 && decodeSeconds > 0 ? (tokens - 1) / decodeSeconds : undefined,
      };
    },
  };
}
