import { describe, expect, it } from 'vitest';
import { cosine, dot, meanVector, norm, rankByCosine } from './vectors';

describe('vector helpers', () => {
  it('computes dot products, norms and cosine similarity', () => {
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(norm([3, 4])).toBe(5);
    expect(cosine([1, 0], [1, 0])).toBeCloseTo(1);
    expect(cosine([1, 0], [0, 1])).toBeCloseTo(0);
    expect(cosine([1, 1], [-1, -1])).toBeCloseTo(-1);
    // Unnormalised vectors give the same cosine as normalised ones.
    expect(cosine([2, 0], [5, 5])).toBeCloseTo(Math.SQRT1_2);
  });
  it('returns 0 for a zero vector and throws on mismatched lengths', () => {
    expect(cosine([0, 0], [1, 2])).toBe(0);
    expect(() => cosine([1], [1, 2])).toThrow(/lengths differ/);
  });
  it('averages vectors element by element', () => {
    expect(meanVector([[1, 2], [3, 4], [5, 9]])).toEqual([3, 5]);
    expect(meanVector([[0.5, -1]])).toEqual([0.5, -1]);
    expect(() => meanVector([])).toThrow();
    expect(() => meanVector([[1], [1, 2]])).toThrow();
  });
  it('ranks candidates by cosine, best first, with skip and limit', () => {
    const candidates = [[0, 1], [1, 0], [1, 1], [-1, 0]];
    const ranked = rankByCosine([1, 0], candidates);
    expect(ranked.map((r) => r.index)).toEqual([1, 2, 0, 3]);
    expect(ranked[0].score).toBeCloseTo(1);
    expect(ranked[1].score).toBeCloseTo(Math.SQRT1_2);
    expect(rankByCosine([1, 0], candidates, { limit: 2 }).map((r) => r.index)).toEqual([1, 2]);
    expect(rankByCosine([1, 0], candidates, { skip: new Set([1]) }).map((r) => r.index)).toEqual([2, 0, 3]);
  });
  it('keeps the original order for ties', () => {
    expect(rankByCosine([1, 0], [[2, 0], [1, 0], [3, 0]]).map((r) => r.index)).toEqual([0, 1, 2]);
  });
});
