import { random, type Tensor } from '@huggingface/transformers';
import type { Params, RunContext } from '../types';
import type { Chunk, WorkerInput } from './types';
import type { StreamTokenizer } from '../shared/token-stream';

// The processor and model of a vision-language model, seen through the calls made here (see image-text-pipeline.ts).
export interface VlmPipe {
  processor: {
    (...args: unknown[]): Promise<Record<string, Tensor>>;
    apply_chat_template(messages: unknown[], options: Record<string, unknown>): string;
    batch_decode(ids: Tensor, options: { skip_special_tokens: boolean }): string[];
    construct_prompts?(text: string): string[];
    post_process_generation?(text: string, task: string, size: [number, number]): unknown;
    tokenizer: StreamTokenizer & { model_max_length?: number; chat_template?: unknown };
  };
  model: {
    config: { model_type?: string; text_config?: { max_position_embeddings?: number } };
    generate(options: Record<string, unknown>): Promise<Tensor>;
  };
}

export type VlmContext = RunContext<WorkerInput, Chunk, VlmPipe>;

export const isFlorence = (pipe: VlmPipe) => pipe.model.config.model_type === 'florence2';

export function sampling(params: Params): Record<string, unknown> {
  if (!params.do_sample) return { do_sample: false };
  const seed = Number(params.seed ?? 0);
  random.seed(seed > 0 ? seed : undefined);
  return { do_sample: true, temperature: params.temperature, top_k: params.top_k, top_p: params.top_p };
}
