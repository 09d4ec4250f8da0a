import { random, type RawImage, type Tensor } from '@huggingface/transformers';
import { InvalidInputError } from '../../protocol/errors';
import type { ImageTextPipe } from '../../runtime/image-text-pipeline';
import type { Params, RunContext, RunOutcome, TaskRunner } from '../types';
import type { Chunk, Output, WorkerInput } from './types';
import { requireImage, warmupImage } from '../shared/worker-input';
import { streamTokens, type StreamTokenizer } from '../shared/token-stream';
import { runFlorence } from './florence-run';

// The processor and model of a vision-language model, seen through the calls made here (see image-text-pipeline.ts).
export interface VlmPipe {
  processor: {
    (...args: unknown[]): Promise<Record<string, Tensor>>;
    apply_chat_template(messages: unknown[], options: Record<string, unknown>): string;
    batch_decode(ids: Tensor, options: { skip_special_tokens: boolean }): string[];
    construct_prompts?(text: string): string[];
    post_process_generation?(text: string, task: string, size: [number, number]): unknown;
    tokenizer: StreamTokenizer & { model_max_length?: number };
  };
  model: {
    config: { model_type?: string; text_config?: { max_position_embeddings?: number } };
    generate(options: Record<string, unknown>): Promise<Tensor>;
  };
}

export type VlmContext = RunContext<WorkerInput, Chunk, VlmPipe>;

const asVlm = (pipe: ImageTextPipe) => pipe as unknown as VlmPipe;
const isFlorence = (pipe: VlmPipe) => pipe.model.config.model_type === 'florence2';

export function sampling(params: Params): Record<string, unknown> {
  if (!params.do_sample) return { do_sample: false };
  const seed = Number(params.seed ?? 0);
  random.seed(seed > 0 ? seed : undefined);
  return { do_sample: true, temperature: params.temperature, top_k: params.top_k, top_p: params.top_p };
}

/** The model's chat messages: the picture goes with the first user turn, as the processor expands one <image>. */
function templateMessages(messages: WorkerInput['messages']) {
  let imagePlaced = false;
  return messages.map(({ role, content }) => {
    const text = { type: 'text', text: content };
    if (role !== 'user' || imagePlaced) return { role, content: [text] };
    imagePlaced = true;
    return { role, content: [{ type: 'image' }, text] };
  });
}

function contextLimit(pipe: VlmPipe): number | undefined {
  const limits = [pipe.model.config.text_config?.max_position_embeddings, pipe.processor.tokenizer.model_max_length];
  const sane = limits.filter((n): n is number => typeof n === 'number' && n > 0 && n < 1_000_000);
  return sane.length ? Math.min(...sane) : undefined;
}

async function runChat(pipe: VlmPipe, image: RawImage, { input, params, interrupted, emit }: VlmContext): Promise<RunOutcome<Output>> {
  const messages = input?.messages ?? [];
  if (messages.at(-1)?.role !== 'user' || !messages.at(-1)?.content.trim()) {
    throw new InvalidInputError('There is no question about the picture.', 'Type a question first.');
  }
  const prompt = pipe.processor.apply_chat_template(templateMessages(messages), { add_generation_prompt: true });
  const inputs = await pipe.processor(prompt, [image]);
  const promptTokens = inputs.input_ids.dims.at(-1) ?? 0;
  const limit = contextLimit(pipe);
  if (limit && promptTokens >= limit) {
    throw new InvalidInputError(`The picture and conversation are ${promptTokens} tokens, over this model’s context of ${limit}.`, 'Clear the chat to start again.');
  }
  const stream = streamTokens(pipe.processor.tokenizer, { emit, interrupted });
  const sequences = await pipe.model.generate({
    ...inputs,
    max_new_tokens: Math.min(Number(params.max_new_tokens ?? 256), limit ? limit - promptTokens : Infinity),
    repetition_penalty: Number(params.repetition_penalty ?? 1),
    ...sampling(params),
    ...stream.options,
  });
  const generated = sequences.slice(null, [promptTokens, null]);
  const [reply = ''] = pipe.processor.batch_decode(generated, { skip_special_tokens: true });
  const newTokens = (sequences.dims.at(-1) ?? promptTokens) - promptTokens;
  const output: Output = { family: 'chat', reply: reply.trim(), mode: 'chat', promptTokens, newTokens, reusedTokens: 0, contextLimit: limit, stopped: interrupted() };
  return { output, stats: stream.stats() };
}

const runner: TaskRunner<WorkerInput, Output, Chunk, ImageTextPipe> = {
  async warmup(loaded) {
    const pipe = asVlm(loaded);
    const image = warmupImage(32);
    const inputs = isFlorence(pipe)
      ? await pipe.processor(image, '<CAPTION>')
      : await pipe.processor(pipe.processor.apply_chat_template(templateMessages([{ role: 'user', content: 'Hi' }]), { add_generation_prompt: true }), [image]);
    await pipe.model.generate({ ...inputs, max_new_tokens: 1, do_sample: false });
  },
  async run(ctx) {
    const pipe = asVlm(ctx.pipe);
    const image = await requireImage(ctx.input?.image);
    const vlm: VlmContext = { ...ctx, pipe };
    return isFlorence(pipe) ? runFlorence(pipe, image, vlm) : runChat(pipe, image, vlm);
  },
};
export default runner;
