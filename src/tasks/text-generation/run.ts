import type { Tensor } from '@huggingface/transformers';
import type { Params, TaskRunner } from '../types';
import { generateLean, type LeanModel } from '../shared/lean-decode';
import type { Chunk, Input, Output } from './types';
import { requireText } from '../shared/worker-input';
import { streamTokens, type StreamTokenizer } from '../shared/token-stream';
import { contextLimitOf, requireCountWithinContext } from '../shared/context-limit';

type Tokenizer = StreamTokenizer & {
  add_bos_token?: boolean;
  add_eos_token?: boolean;
  padding_side: string;
  (text: string, options: Record<string, unknown>): { input_ids: Tensor; attention_mask: Tensor };
};
interface Generator {
  tokenizer: Tokenizer;
  model: LeanModel;
}

/**
 * The prompt tokenized as TextGenerationPipeline does it for one string (so the tokens are the pipeline's), but not
 * cut at the tokenizer's length: its count is checked against the context (which that length is part of) and named in
 * the message when it does not fit, so a prompt that fits is never cut anyway.
 */
function encodePrompt(tokenizer: Tokenizer, prompt: string): { input_ids: Tensor; attention_mask: Tensor } {
  tokenizer.padding_side = 'left';
  const add_special_tokens = (tokenizer.add_bos_token || tokenizer.add_eos_token) ?? false;
  return tokenizer(prompt, { add_special_tokens, padding: true });
}

function generationOptions(params: Params): Record<string, unknown> {
  const sample = Boolean(params.do_sample);
  const minNew = Number(params.min_new_tokens ?? 0);
  return {
    max_new_tokens: Number(params.max_new_tokens ?? 64),
    ...(minNew > 0 ? { min_new_tokens: minNew } : {}),
    repetition_penalty: Number(params.repetition_penalty ?? 1),
    do_sample: sample,
    ...(sample ? { temperature: params.temperature, top_k: params.top_k, top_p: params.top_p } : {}),
  };
}

const runner: TaskRunner<Input, Output, Chunk, Generator> = {
  async warmup(pipe) {
    await generateLean(pipe.model, { ...encodePrompt(pipe.tokenizer, 'Hi'), max_new_tokens: 1, do_sample: false });
  },
  async run({ pipe, input, params, interrupted, emit }) {
    const prompt = requireText(input, 'prompt');
    const generator = pipe;
    // First, so that the time to the first token counts from the run's start (tokenizing the prompt included).
    const stream = streamTokens(generator.tokenizer, { emit, interrupted });
    // The prompt is tokenized once, as the pipeline does it: its tokens are both what is checked against the
    // context and what is fed. It must leave room for at least one new token; the rest is capped to the context.
    const encoded = encodePrompt(generator.tokenizer, prompt);
    const promptTokens = encoded.input_ids.dims.at(-1)!;
    requireCountWithinContext(generator, promptTokens, 'prompt', 1);
    const limit = contextLimitOf(generator);
    const options = generationOptions(params);
    if (limit !== undefined) {
      options.max_new_tokens = Math.min(Number(options.max_new_tokens), limit - promptTokens);
      if (options.min_new_tokens !== undefined) options.min_new_tokens = Math.min(Number(options.min_new_tokens), Number(options.max_new_tokens));
    }
    // The pipeline's own steps (tokenize, generate), with the decode loop on the session where it can be.
    await generateLean(generator.model, { ...encoded, ...options, ...stream.options });
    const output: Output = { prompt, completion: stream.text(), stopped: interrupted() };
    return { output, stats: stream.stats() };
  },
};
export default runner;
