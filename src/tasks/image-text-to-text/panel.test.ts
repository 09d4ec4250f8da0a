import { describe, expect, it } from 'vitest';
import view from './Panel';
import type { Output } from './types';

const ctx = (model: string) => ({ model, params: {}, caps: undefined });
const SMOL = 'HuggingFaceTB/SmolVLM-256M-Instruct';
const FLORENCE = 'onnx-community/Florence-2-base-ft';
const stats = { latencyMs: 10, ttftMs: 2, tokensPerSecond: 50 } as Parameters<NonNullable<typeof view.applyResult>>[2];

describe('Ask about an image: the input', () => {
  it('opens ready to run: a sample picture and a first question', () => {
    expect(view.defaultInput.image).toMatchObject({ kind: 'sample' });
    expect(view.validate(view.defaultInput, ctx(SMOL))).toBeUndefined();
    expect(view.validate(view.defaultInput, ctx(FLORENCE))).toBeUndefined();
  });

  it('refuses no picture, an empty question, and grounding without a phrase', () => {
    expect(view.validate({ ...view.defaultInput, image: undefined }, ctx(SMOL))).toBe('Choose an image first.');
    const empty = { ...view.defaultInput, chat: { ...view.defaultInput.chat, draft: '  ' } };
    expect(view.validate(empty, ctx(SMOL))).toBe('Type a question about the picture first.');
    // A Florence-2 prompt needs no question.
    expect(view.validate(empty, ctx(FLORENCE))).toBeUndefined();
    const grounding = { ...view.defaultInput, florence: { task: '<CAPTION_TO_PHRASE_GROUNDING>' as const, text: '' } };
    expect(view.validate(grounding, ctx(FLORENCE))).toBe('Find phrases (grounding) needs a phrase to look for.');
  });

  it('sends the question as a chat turn for a chat model only, and folds the reply in', () => {
    const sent = view.beforeRun!(view.defaultInput, ctx(SMOL));
    expect(sent.chat.draft).toBe('');
    expect(sent.chat.messages).toEqual([{ role: 'user', content: 'What is in this picture?' }]);
    expect(view.beforeRun!(view.defaultInput, ctx(FLORENCE))).toBe(view.defaultInput);
    const reply: Output = { family: 'chat', reply: 'A cup.', mode: 'chat', promptTokens: 80, newTokens: 3, reusedTokens: 0, stopped: false };
    const after = view.applyResult!(sent, reply, stats);
    expect(after.chat.messages.at(-1)).toMatchObject({ role: 'assistant', content: 'A cup.', stats: { promptTokens: 80, newTokens: 3, ttftMs: 2 } });
    const florence: Output = { family: 'florence', task: '<OD>', prompt: 'p', raw: 'r', result: { kind: 'boxes', boxes: [] }, width: 1, height: 1, stopped: false };
    expect(view.applyResult!(sent, florence, stats)).toBe(sent);
  });
});
