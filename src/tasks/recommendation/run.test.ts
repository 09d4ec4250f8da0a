import { describe, expect, it } from 'vitest';
import { fakeContext } from '../shared/fake-context';
import { fakeEmbedder } from '../shared/embedding-fake';
import recommendationRunner from './run';
import type { Output as RecommendationOutput } from './types';

const ctx = (pipe: unknown, input: unknown) => fakeContext(recommendationRunner, input, pipe, {});
const DOCS = ['money money', 'guitar music', 'food and money', 'food'];

describe('recommendation runner', () => {
  const items = DOCS.map((description, i) => ({ id: `i${i}`, title: `Item ${i}`, description }));
  it('ranks the other items by the mean of the liked ones and says which liked item each is close to', async () => {
    const pipe = fakeEmbedder();
    const out = (await recommendationRunner.run(ctx(pipe, { items, liked: ['i0', 'i3'] }))).output as RecommendationOutput;
    expect(out.results.map((r) => r.id)).toEqual(['i2', 'i1']);
    expect(out.results[0].because.title).toMatch(/Item (0|3)/);
    expect(out.liked).toEqual(['Item 0', 'Item 3']);
    expect(out.embeddedItems).toBe(4);
    const again = (await recommendationRunner.run(ctx(pipe, { items, liked: ['i1'] }))).output as RecommendationOutput;
    expect(again.embeddedItems).toBe(0);
  });
  it('asks for at least one liked item', async () => {
    await expect(recommendationRunner.run(ctx(fakeEmbedder(), { items, liked: [] }))).rejects.toMatchObject({ name: 'InvalidInputError', message: 'Like at least one item.' });
  });
});
