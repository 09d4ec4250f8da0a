import { describe, expect, it } from 'vitest';
import { Tensor } from '@huggingface/transformers';
import { asLoadableConfig } from '../../models/decoder-family';
import { encode, type ChatPipe } from './run';
import type { Conversation } from './conversation';

/** A tokenizer that records what it was asked: the template's turns, and the text it then tokenized. */
function fakePipe(config: Record<string, unknown>) {
  const calls: { turns?: { role: string; content: string }[]; options?: Record<string, unknown>; text?: string } = {};
  const ids = (n: number) => ({ input_ids: new Tensor('int64', new BigInt64Array(n), [1, n]), attention_mask: new Tensor('int64', new BigInt64Array(n), [1, n]) });
  const tokenizer = Object.assign((text: string) => ((calls.text = text), ids(text.length)), {
    chat_template: '{{ messages }}',
    apply_chat_template(turns: { role: string; content: string }[], options: Record<string, unknown>) {
      Object.assign(calls, { turns, options });
      return options.tokenize === false ? turns.map((t) => `<${t.role}>${t.content}`).join('') : ids(3);
    },
    decode: () => '',
  });
  return { pipe: { model: { config }, tokenizer } as unknown as ChatPipe, calls };
}

const conversation = (fastThinking: boolean): Conversation => ({ system: 'Be brief.', draft: '', messages: [{ role: 'user', content: '你好' }], fastThinking });

describe('chat encoding for a decoder family', () => {
  it('openPangu: renders the template to text and tokenizes it (so <s> is added), fast thinking as its marker', () => {
    const config = asLoadableConfig({ model_type: 'PanguEmbedded', architectures: ['PanguEmbeddedForCausalLM'] });
    const { pipe, calls } = fakePipe(config);
    encode(pipe, conversation(true));
    expect(calls.options).toMatchObject({ tokenize: false, add_generation_prompt: true });
    expect(calls.text).toBe('<system>Be brief.<user>你好 /no_think');
    encode(pipe, conversation(false));
    expect(calls.text).toBe('<system>Be brief.<user>你好');
  });

  it('any other model: the template tokenizes itself, and the switch adds nothing', () => {
    const { pipe, calls } = fakePipe({ model_type: 'llama' });
    encode(pipe, conversation(true));
    expect(calls.options).toMatchObject({ return_dict: true });
    expect(calls.text).toBeUndefined();
    expect(calls.turns?.at(-1)?.content).toBe('你好');
  });
});
