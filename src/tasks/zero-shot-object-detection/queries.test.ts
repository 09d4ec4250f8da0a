import { describe, expect, it } from 'vitest';
import { MAX_QUERIES, QUERIES_MISSING, checkQueries, clampBox } from './queries';

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

describe('boxes', () => {
  it('are kept inside the picture', () => {
    expect(clampBox({ xmin: -13, ymin: 5, xmax: 650, ymax: 420 }, 600, 400)).toEqual({ xmin: 0, ymin: 5, xmax: 600, ymax: 400 });
  });
});
