import { describe, expect, it } from 'vitest';
import { contextLimitOf, requireCountWithinContext, requireWithinContext } from './context-limit';

const pipeWith = (limit: Record<string, unknown>, tokenizerLimit?: number) => ({
  tokenizer: { encode: (text: string) => text.split(' ').map((_, i) => i), model_max_length: tokenizerLimit },
  model: { config: limit },
});

describe('context limits', () => {
  it('takes the smallest sane limit of the config and the tokenizer', () => {
    expect(contextLimitOf(pipeWith({ max_position_embeddings: 512 }, 128))).toBe(128);
    expect(contextLimitOf(pipeWith({ max_position_embeddings: 1_000_000 }, 512))).toBe(512);
    expect(contextLimitOf(pipeWith({}, 1e30))).toBeUndefined();
    expect(contextLimitOf(undefined)).toBeUndefined();
  });
  it('passes a text that fits and names the numbers when it does not', () => {
    const pipe = pipeWith({ max_position_embeddings: 4 });
    expect(requireWithinContext(pipe, 'a b c d')).toBe(4);
    expect(() => requireWithinContext(pipe, 'a b c d e')).toThrow('The text is 5 tokens; this model reads at most 4.');
    expect(() => requireWithinContext(pipe, 'a b c', 'context', 2)).toThrow('The context is 3 tokens; this model reads at most 2 here (of its 4).');
  });
  it('checks a count already made (a prompt tokenized once, for both the check and the model)', () => {
    const pipe = pipeWith({ max_position_embeddings: 4 });
    expect(() => requireCountWithinContext(pipe, 3, 'prompt', 1)).not.toThrow();
    expect(() => requireCountWithinContext(pipe, 4, 'prompt', 1)).toThrow('The prompt is 4 tokens; this model reads at most 3 here (of its 4).');
    expect(() => requireCountWithinContext(pipeWith({}), 1e6, 'prompt', 1)).not.toThrow();
  });
  it('does nothing when the model states no limit', () => {
    expect(requireWithinContext(pipeWith({}), 'a '.repeat(5000))).toBe(5001);
  });
});
