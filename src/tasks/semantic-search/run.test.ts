import { describe, expect, it } from 'vitest';
import { fakeContext } from '../shared/fake-context';
import searchRunner from './run';
import type { Output as SearchOutput } from './types';
import { fakeEmbedder } from '../shared/embedding-fake';

const ctx = (pipe: unknown, input: unknown) => fakeContext(searchRunner, input, pipe, {});
const DOCS = ['money money', 'guitar music', 'food and money', 'food'];

describe('semantic search runner', () => {
  it('ranks documents and embeds the corpus only once while it is unchanged', async () => {
    const pipe = fakeEmbedder();
    const first = (await searchRunner.run(ctx(pipe, { documents: DOCS, query: 'guitar' }))).output as SearchOutput;
    expect(first.hits[0].text).toBe('guitar music');
    expect(first.embeddedDocuments).toBe(4);
    const second = (await searchRunner.run(ctx(pipe, { documents: DOCS, query: 'money' }))).output as SearchOutput;
    expect(second.hits[0].text).toBe('money money');
    expect(second.embeddedDocuments).toBe(0);
    expect(pipe.calls.map((c) => c.length)).toEqual([4, 1, 1]);
    const third = (await searchRunner.run(ctx(pipe, { documents: [...DOCS, 'more food'], query: 'food' }))).output as SearchOutput;
    expect(third.embeddedDocuments).toBe(5);
  });
  it('rejects an empty corpus, an empty query and too many documents with hints', async () => {
    const pipe = fakeEmbedder();
    await expect(searchRunner.run(ctx(pipe, { documents: [' '], query: 'q' }))).rejects.toMatchObject({ name: 'InvalidInputError', message: /corpus is empty/, hint: /one per line/ });
    await expect(searchRunner.run(ctx(pipe, { documents: DOCS, query: '' }))).rejects.toMatchObject({ message: /query/ });
    await expect(searchRunner.run(ctx(pipe, { documents: new Array(5001).fill('x'), query: 'q' }))).rejects.toMatchObject({ message: /limit is 5,000/ });
    expect(pipe.calls).toHaveLength(0);
  });
});
