import { describe, expect, it } from 'vitest';
import { locateAnswer, splitContext } from './answer';

const CONTEXT = 'My name is Wolfgang and I live in Berlin. Berlin is the capital of Germany.';

describe('locateAnswer', () => {
  it('finds the first occurrence, case-insensitively', () => {
    const span = locateAnswer(CONTEXT, 'berlin');
    expect(span).toEqual({ start: 34, end: 40 });
    expect(CONTEXT.slice(span!.start, span!.end)).toBe('Berlin');
  });
  it('copes with the decoder re-spacing punctuation and dropping accents', () => {
    const context = 'He flew from São Paulo to the U.S. last year.';
    const span = locateAnswer(context, 'sao paulo to the u. s.');
    expect(context.slice(span!.start, span!.end)).toBe('São Paulo to the U.S.');
  });
  it('gives nothing for an answer that is not in the context, or an empty one', () => {
    expect(locateAnswer(CONTEXT, 'Munich')).toBeUndefined();
    expect(locateAnswer(CONTEXT, '  ')).toBeUndefined();
  });
});

describe('splitContext', () => {
  it('cuts the context around the span and keeps every character', () => {
    const parts = splitContext(CONTEXT, { start: 34, end: 40 });
    expect(parts[1]).toBe('Berlin');
    expect(parts.join('')).toBe(CONTEXT);
  });
});
