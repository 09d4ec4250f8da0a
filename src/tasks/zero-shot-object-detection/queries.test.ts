import { describe, expect, it } from 'vitest';
import { MAX_QUERIES, QUERIES_MISSING, checkQueries } from './queries';

describe('what to find', () => {
  it('trims, drops empties and case-insensitive repeats', () => {
    expect(checkQueries([' a cup ', '', 'A Cup', 'a spoon', 42])).toEqual({ queries: ['a cup', 'a spoon'] });
  });
  it('needs one phrase, and no more than the cap', () => {
    expect(checkQueries(['  ', '']).problem).toBe(QUERIES_MISSING);
    const many = Array.from({ length: MAX_QUERIES + 1 }, (_, i) => `thing ${i}`);
    expect(checkQueries(many).problem).toMatch(`keep it to ${MAX_QUERIES} or fewer`);
    expect(checkQueries(many.slice(1)).problem).toBeUndefined();
  });
});
