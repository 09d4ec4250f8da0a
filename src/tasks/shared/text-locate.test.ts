import { describe, expect, it } from 'vitest';
import { findIn, fold } from './text-locate';

describe('fold / findIn', () => {
  it('matches case- and accent-insensitively and maps back to the original characters', () => {
    const text = 'Visit Zürich, CAFÉ Müller';
    const span = findIn(fold(text), 'cafe muller');
    expect(span).toBeDefined();
    expect(text.slice(span!.start, span!.end)).toBe('CAFÉ Müller');
  });
  it('searches from an index and can insist on a word start', () => {
    const text = 'This is it';
    const haystack = fold(text);
    expect(findIn(haystack, 'is')).toEqual({ start: 2, end: 4 });
    expect(findIn(haystack, 'is', { wordStart: true })).toEqual({ start: 5, end: 7 });
    expect(findIn(haystack, 'is', { from: 6 })).toBeUndefined();
    expect(findIn(haystack, '.', { wordStart: true })).toBeUndefined();
  });
  it('ignores whitespace when asked (decoded text is re-spaced)', () => {
    const text = 'He moved to the U.S. in 1990.';
    const span = findIn(fold(text, { dropSpaces: true }), 'u. s. in', { dropSpaces: true });
    expect(text.slice(span!.start, span!.end)).toBe('U.S. in');
  });
  it('keeps surrogate pairs whole and finds nothing for an empty needle', () => {
    const text = 'a 😀 b';
    expect(findIn(fold(text), 'b')).toEqual({ start: 5, end: 6 });
    expect(findIn(fold(text), '   ', { dropSpaces: true })).toBeUndefined();
    expect(findIn(fold(text), '')).toBeUndefined();
  });
});
