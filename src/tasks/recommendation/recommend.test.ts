import { describe, expect, it } from 'vitest';
import { itemText, parseCatalogText, recommendationProblem } from './catalog';
import { recommend } from './recommend';
import { SAMPLE_CATALOG } from './sample-catalog';

describe('recommend', () => {
  // Two clusters: 0-2 point along x, 3-4 along y.
  const vectors = [[1, 0.1], [0.9, 0.2], [1, 0], [0.1, 1], [0, 1]];

  it('ranks the un-liked items by similarity to the mean of the liked ones', () => {
    const ranked = recommend(vectors, [0, 1]);
    expect(ranked.map((r) => r.index)).toEqual([2, 3, 4]);
    expect(ranked[0].score).toBeGreaterThan(0.95);
    expect(ranked.at(-1)!.score).toBeLessThan(0.3);
  });
  it('names the liked item each result is closest to', () => {
    const ranked = recommend(vectors, [2, 4]);
    const byIndex = Object.fromEntries(ranked.map((r) => [r.index, r.because]));
    expect(byIndex).toEqual({ 0: 2, 1: 2, 3: 4 });
    expect(ranked.find((r) => r.index === 3)!.becauseScore).toBeCloseTo(0.995, 2);
  });
  it('limits the results and needs at least one liked item', () => {
    expect(recommend(vectors, [0], 2)).toHaveLength(2);
    expect(() => recommend(vectors, [])).toThrow();
  });
});

describe('catalog', () => {
  it('parses "title — description" lines, with other separators and bare titles', () => {
    const items = parseCatalogText('Dune — A desert planet epic.\n\nEmma - A matchmaker in Highbury\nUlysses\tOne day in Dublin\nJust a title');
    expect(items.map((i) => [i.title, i.description])).toEqual([
      ['Dune', 'A desert planet epic.'],
      ['Emma', 'A matchmaker in Highbury'],
      ['Ulysses', 'One day in Dublin'],
      ['Just a title', ''],
    ]);
    expect(items[0].id).toBe('custom-dune');
  });
  it('keeps hyphenated titles whole and gives duplicates distinct ids', () => {
    const items = parseCatalogText('Spider-Man — A teen hero\nSpider-Man — Again');
    expect(items[0].title).toBe('Spider-Man');
    expect(items.map((i) => i.id)).toEqual(['custom-spider-man', 'custom-spider-man-2']);
  });
  it('embeds title and description together', () => {
    expect(itemText({ id: 'a', title: 'Dune', description: 'Sand.' })).toBe('Dune. Sand.');
    expect(itemText({ id: 'a', title: 'Dune', description: '' })).toBe('Dune');
  });
  it('explains an empty catalog, no likes and all liked', () => {
    const items = parseCatalogText('A — x\nB — y');
    expect(recommendationProblem([], [])).toMatch(/catalog is empty/);
    expect(recommendationProblem(items, [])).toBe('Like at least one item.');
    expect(recommendationProblem(items, ['unknown-id'])).toBe('Like at least one item.');
    expect(recommendationProblem(items, items.map((i) => i.id))).toMatch(/un-liked/);
    expect(recommendationProblem(items, [items[0].id])).toBeUndefined();
  });
  it('ships a sample catalog of about 40 items with unique ids', () => {
    expect(SAMPLE_CATALOG.length).toBeGreaterThanOrEqual(38);
    expect(new Set(SAMPLE_CATALOG.map((i) => i.id)).size).toBe(SAMPLE_CATALOG.length);
    for (const item of SAMPLE_CATALOG) expect(item.description.length).toBeGreaterThan(20);
  });
});
