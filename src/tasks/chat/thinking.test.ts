import { describe, expect, it } from 'vitest';
import { splitThinking } from './thinking';

// Ids stand for words here: 16 and 17 are the markers, 10 the end of turn (a special token, decoded as '').
const WORDS: Record<number, string> = { 1: 'Let', 2: ' me', 3: ' think.', 4: 'Paris', 5: ' is', 6: ' it.', 10: '' };
const decode = (ids: number[]) => ids.map((id) => WORDS[id] ?? '').join('');
const MARKERS = [16, 17] as const;

describe('splitThinking', () => {
  it('puts what is between the markers in thinking and what follows in the reply', () => {
    expect(splitThinking([16, 1, 2, 3, 17, 4, 5, 6, 10], MARKERS, decode)).toEqual({ thinking: 'Let me think.', reply: 'Paris is it.' });
  });

  it('a reply without markers (fast thinking, another model) is all reply', () => {
    expect(splitThinking([4, 5, 6, 10], MARKERS, decode)).toEqual({ reply: 'Paris is it.' });
  });

  it('stopped while thinking: the thoughts so far, no answer yet', () => {
    expect(splitThinking([16, 1, 2], MARKERS, decode)).toEqual({ reply: '', thinking: 'Let me' });
  });

  it('an end marker with no start (the start was in the prompt) still splits; empty thinking is dropped', () => {
    expect(splitThinking([1, 2, 17, 4], MARKERS, decode)).toEqual({ thinking: 'Let me', reply: 'Paris' });
    expect(splitThinking([16, 17, 4, 5], MARKERS, decode)).toEqual({ reply: 'Paris is', thinking: undefined });
  });
});
