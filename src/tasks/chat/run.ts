import { random, type Tensor } from '@huggingface/transformers';
import { InvalidInputError } from '../../protocol/errors';
import type { Params, TaskRunner } from '../types';
import type { ChatReply, Conversation } from './conversation';
import type { Chunk, Input, Output } from './types';
import { cacheFor, forget, remember } from './kv-cache';
import { streamTokens, type StreamTokenizer } from '../shared/token-stream';
import { contextLimitOf } from '../shared/context-limit';
import { generateLean, type LeanModel } from '../shared/lean-decode';
import { decoderFamilyById, FAMILY_CONFIG_KEY, type DecoderFamily } from '../../models/decoder-family';
import { splitThinking, type SplitReply } from './thinking';

type Tokenizer = StreamTokenizer & {
  chat_template: unknown;
  apply_chat_template(messages: { role: string; content: string }[], options: Record<string, unknown>): { input_ids: Tensor; attention_mask: Tensor } | string;
  (text: string): { input_ids: Tensor; attention_mask: Tensor };
  decode(ids: number[], options: { skip_special_tokens: boolean }): string;
  encode(text: string, options: { add_special_tokens: boolean }): number[];
};
export interface ChatPipe {
  model: LeanModel;
  tokenizer: Tokenizer;
}

const toIds = (tensor: Tensor) => Array.from(tensor.data as BigInt64Array, Number);

type Turn = { role: string; content: string };
type Encoded = { input_ids: Tensor; attention_mask: Tensor };

/**
 * The turns the template gets: with fast thinking asked for and a model that has the switch, the last user
 * turn carries the model's own marker (openPangu's " /no_think"); the conversation shown is unchanged.
 */
function turnsOf(c: Conversation, family: DecoderFamily | undefined): Turn[] {
  const turns = c.messages.map(({ role, content }) => ({ role, content }));
  const suffix = c.fastThinking ? family?.fastThinkingSuffix : undefined;
  const last = turns.at(-1);
  if (suffix && last?.role === 'user') turns[turns.length - 1] = { ...last, content: last.content + suffix };
  return turns;
}

const familyOf = (pipe: ChatPipe) => decoderFamilyById(pipe.model.config[FAMILY_CONFIG_KEY]);

/** The reply's text, its thinking apart when the family marks it with tokens this tokenizer has whole. */
function replyOf(pipe: ChatPipe, ids: number[]): SplitReply {
  const decode = (part: number[]) => pipe.tokenizer.decode(part, { skip_special_tokens: true });
  const markers = familyOf(pipe)?.thinkingMarkers?.map((marker) => pipe.tokenizer.encode(marker, { add_special_tokens: false }));
  if (!markers || markers.some((m) => m.length !== 1)) return { reply: decode(ids).trim() };
  return splitThinking(ids, [markers[0][0], markers[1][0]], decode);
}

function applyTemplate(tokenizer: Tokenizer, turns: Turn[], family: DecoderFamily | undefined): Encoded {
  if (!family?.tokenizeRenderedTemplate) return tokenizer.apply_chat_template(turns, { add_generation_prompt: true, return_dict: true }) as Encoded;
  return tokenizer(tokenizer.apply_chat_template(turns, { add_generation_prompt: true, tokenize: false }) as string);
}

export function encode(pipe: ChatPipe, c: Conversation): { inputs: Encoded; mode: ChatReply['mode'] } {
  const { tokenizer } = pipe;
  if (!tokenizer.chat_template) {
    const last = c.messages.at(-1)?.content ?? '';
    return { inputs: tokenizer(last), mode: 'completion' };
  }
  const family = familyOf(pipe);
  const turns = turnsOf(c, family);
  const withSystem = c.system.trim() ? [{ role: 'system', content: c.system.trim() }, ...turns] : turns;
  try {
    return { inputs: applyTemplate(tokenizer, withSystem, family), mode: 'chat' };
  } catch {
    // Some templates refuse a system turn; the conversation still works without it.
    return { inputs: applyTemplate(tokenizer, turns, family), mode: 'chat' };
  }
}

function sampling(params: Params): Record<string, unknown> {
  if (!params.do_sample) return { do_sample: false };
  const seed = Number(params.seed ?? 0);
  random.seed(seed > 0 ? seed : undefined);
  return { do_sample: true, temperature: params.temperature, top_k: params.top_k, top_p: params.top_p };
}

const runner: TaskRunner<Input, Output, Chunk, ChatPipe> = {
  async warmup(pipe) {
    await forget();
    const { model, tokenizer } = pipe;
    await generateLean(model, { ...tokenizer('Hi'), max_new_tokens: 1 });
  },
  async run({ pipe, input, params, interrupted, emit }) {
    const chat = pipe;
    const conversation = input;
    if (conversation.messages.at(-1)?.role !== 'user') throw new InvalidInputError('There is no question to answer.', 'Type a message first.');
    const { inputs, mode } = encode(chat, conversation);
    const ids = toIds(inputs.input_ids);
    const contextLimit = contextLimitOf(chat);
    if (contextLimit && ids.length >= contextLimit) {
      throw new InvalidInputError(
        `The conversation is ${ids.length} tokens, over this model’s context of ${contextLimit}.`,
        'Clear the chat or edit an earlier message to shorten it.',
      );
    }
    const maxNew = Math.min(Number(params.max_new_tokens ?? 256), contextLimit ? contextLimit - ids.length : Infinity);
    const reuse = await cacheFor(chat, ids);
    const stream = streamTokens(chat.tokenizer, { emit, interrupted });
    const { sequences, past_key_values } = await generateLean(chat.model, {
      ...inputs,
      past_key_values: reuse?.cache,
      max_new_tokens: maxNew,
      repetition_penalty: Number(params.repetition_penalty ?? 1),
      ...sampling(params),
      ...stream.options,
      return_dict_in_generate: true,
    });
    const sequence = toIds(sequences);
    remember(chat, sequence, past_key_values);
    const output: ChatReply = {
      ...replyOf(chat, sequence.slice(ids.length)),
      mode,
      promptTokens: ids.length,
      newTokens: sequence.length - ids.length,
      reusedTokens: reuse?.tokens ?? 0,
      contextLimit,
      stopped: interrupted(),
    };
    return { output, stats: stream.stats() };
  },
};
export default runner;
