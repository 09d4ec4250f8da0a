import type { RunContext, TaskRunner } from '../types';
import type { Seq2SeqOutput } from './seq2seq-contract';
import type { TextChunk } from './text-chunk';

export type { Seq2SeqOutput } from './seq2seq-contract';
import { seq2seqOptions } from './generation-params';
import { streamTokens, type StreamTokenizer } from './token-stream';
import { requireWithinContext } from './context-limit';

// One runner for the encoder-decoder tasks (translation, summarization, text2text-generation):
// streamed output, Stop between tokens, and token stats, like text-generation.

export type Seq2SeqPipe = ((text: string, options: Record<string, unknown>) => Promise<Record<string, unknown>[]>) & { tokenizer: StreamTokenizer };

export interface Seq2SeqRequest {
  text: string;
  /** Extra pipeline options (e.g. src_lang / tgt_lang). */
  options?: Record<string, unknown>;
}

/** The pipeline's one text field (generated_text, summary_text or translation_text). */
function firstText(result: Record<string, unknown>[] | undefined): string | undefined {
  const value = result?.[0] && Object.values(result[0]).find((v) => typeof v === 'string');
  return value as string | undefined;
}

interface Seq2SeqTask<WI> {
  /** Validates the worker input (throwing InvalidInputError) and builds the request. */
  request(input: WI, pipe: Seq2SeqPipe): Seq2SeqRequest;
  /** Options for the one-token warm-up run (e.g. languages a many-to-many model needs). */
  warmupOptions?(pipe: Seq2SeqPipe): Record<string, unknown>;
}

async function generate<WI>(ctx: RunContext<WI, TextChunk, Seq2SeqPipe>, task: Seq2SeqTask<WI>) {
  const pipe = ctx.pipe;
  const request = task.request(ctx.input, pipe);
  requireWithinContext(pipe, request.text);
  const stream = streamTokens(pipe.tokenizer, ctx);
  const result = await pipe(request.text, { ...seq2seqOptions(ctx.params), ...request.options, ...stream.options });
  return { request, stream, result };
}

export function createSeq2SeqRunner<WI>(task: Seq2SeqTask<WI>): TaskRunner<WI, Seq2SeqOutput, TextChunk, Seq2SeqPipe> {
  return {
    async warmup(pipe) {
      await pipe('Hello', { max_new_tokens: 1, do_sample: false, ...task.warmupOptions?.(pipe) });
    },
    async run(ctx) {
      const { request, stream, result } = await generate(ctx, task);
      const output: Seq2SeqOutput = { source: request.text, text: (firstText(result) ?? stream.text()).trim(), stopped: ctx.interrupted() };
      return { output, stats: stream.stats() };
    },
  };
}
