import type { DynamicCache, RawImage, Tensor } from '@huggingface/transformers';
import { InvalidInputError } from '../../protocol/errors';
import type { ImageTextPipe } from '../../runtime/image-text-pipeline';
import type { RunOutcome, TaskRunner } from '../types';
import type { Chunk, Output, WorkerInput } from './types';
import { requireImage, warmupImage } from '../shared/worker-input';
import { streamTokens } from '../shared/token-stream';
import { isFlorence, sampling, type VlmContext, type VlmPipe } from './vlm-pipe';
import { runFlorence } from './florence-run';
import { IDEFICS3_CHAT_TEMPLATE } from './idefics3-template';
import { forgetTurns, keepCache, reusableCache, turnOwner } from './turn-cache';

const asVlm = (pipe: ImageTextPipe) => pipe as unknown as VlmPipe;

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

/** The conversation as the model's own template writes it (the published Idefics3 one when the model ships none). */
function chatPrompt(pipe: VlmPipe, messages: WorkerInput['messages']): string {
  const own = Boolean(pipe.processor.tokenizer.chat_template);
  return pipe.processor.apply_chat_template(templateMessages(messages), { add_generation_prompt: true, ...(own ? {} : { chat_template: IDEFICS3_CHAT_TEMPLATE }) });
}

function contextLimit(pipe: VlmPipe): number | undefined {
  const limits = [pipe.model.config.text_config?.max_position_embeddings, pipe.processor.tokenizer.model_max_length];
  const sane = limits.filter((n): n is number => typeof n === 'number' && n > 0 && n < 1_000_000);
  return sane.length ? Math.min(...sane) : undefined;
}

const toIds = (tensor: Tensor) => Array.from(tensor.data as BigInt64Array, Number);

async function runChat(pipe: VlmPipe, image: RawImage, { input, params, interrupted, emit }: VlmContext): Promise<RunOutcome<Output>> {
  const messages = input?.messages ?? [];
  if (messages.at(-1)?.role !== 'user' || !messages.at(-1)?.content.trim()) {
    throw new InvalidInputError('There is no question about the picture.', 'Type a question first.');
  }
  const tiled = Boolean(params.image_splitting);
  const prompt = chatPrompt(pipe, messages);
  // Off by default: the processor's own default (tiles of an upscaled picture) costs a dozen encoder passes in a browser.
  const inputs = await pipe.processor(prompt, [image], { do_image_splitting: tiled });
  const ids = toIds(inputs.input_ids);
  const promptTokens = ids.length;
  const limit = contextLimit(pipe);
  if (limit && promptTokens >= limit) {
    throw new InvalidInputError(`The picture and conversation are ${promptTokens} tokens, over this model’s context of ${limit}.`, 'Clear the chat to start again.');
  }
  const owner = input?.image ? await turnOwner(pipe.model, input.image.image, tiled) : undefined;
  const reuse = await reusableCache(owner, ids);
  // With the earlier turns cached the picture is in the cache already: only the new text is fed.
  const feeds = reuse ? { input_ids: inputs.input_ids, attention_mask: inputs.attention_mask, past_key_values: reuse.cache } : inputs;
  const stream = streamTokens(pipe.processor.tokenizer, { emit, interrupted });
  const { sequences, past_key_values } = (await pipe.model.generate({
    ...feeds,
    max_new_tokens: Math.min(Number(params.max_new_tokens ?? 256), limit ? limit - promptTokens : Infinity),
    repetition_penalty: Number(params.repetition_penalty ?? 1),
    ...sampling(params),
    ...stream.options,
    return_dict_in_generate: true,
  })) as unknown as { sequences: Tensor; past_key_values: InstanceType<typeof DynamicCache> };
  const sequence = toIds(sequences);
  keepCache(owner, sequence, past_key_values);
  const [reply = ''] = pipe.processor.batch_decode(sequences.slice(null, [promptTokens, sequence.length]), { skip_special_tokens: true });
  const output: Output = {
    family: 'chat', reply: reply.trim(), mode: 'chat', promptTokens, newTokens: sequence.length - promptTokens,
    reusedTokens: reuse?.tokens ?? 0, contextLimit: limit, stopped: interrupted(),
  };
  return { output, stats: stream.stats() };
}

const runner: TaskRunner<WorkerInput, Output, Chunk, ImageTextPipe> = {
  async warmup(loaded) {
    await forgetTurns();
    const pipe = asVlm(loaded);
    const image = warmupImage(32);
    const inputs = isFlorence(pipe)
      ? await pipe.processor(image, '<CAPTION>')
      : await pipe.processor(chatPrompt(pipe, [{ role: 'user', content: 'Hi' }]), [image], { do_image_splitting: false });
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
