import { InterruptableStoppingCriteria, TextStreamer } from '@huggingface/transformers';
import type { RunStats } from '../../protocol/messages';
import type { RunContext } from '../types';
import type { TextChunk } from './text-chunk';

export type StreamTokenizer = ConstructorParameters<typeof TextStreamer>[0];

export interface TokenStream {
  /** Pass both to generate(): the streamer emits text partials, the criteria honour Stop. */
  options: { streamer: TextStreamer; stopping_criteria: InterruptableStoppingCriteria[] };
  /** The text streamed so far. */
  text(): string;
  /** Time to first token, token count and decode speed (tokens after the first, per second). */
  stats(): Partial<RunStats>;
}

/**
 * Streams generated text to the UI as `{ text }` partials and checks the shared stop flag after every
 * token, so Stop ends a generation mid-way even while the worker's event loop is busy.
 */
export function streamTokens(tokenizer: StreamTokenizer, ctx: Pick<RunContext<unknown, TextChunk>, 'emit' | 'interrupted'>): TokenStream {
  const stopper = new InterruptableStoppingCriteria();
  const start = performance.now();
  let firstTokenAt: number | undefined;
  let tokens = 0;
  let streamed = '';
  const streamer = new TextStreamer(tokenizer, {
    skip_prompt: true,
    skip_special_tokens: true,
    callback_function: (text: string) => {
      streamed += text;
      ctx.emit({ text });
    },
    token_callback_function: () => {
      tokens += 1;
      firstTokenAt ??= performance.now();
      if (ctx.interrupted()) stopper.interrupt();
    },
  });
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
