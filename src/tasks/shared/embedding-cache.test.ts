import { describe, expect, it, vi } from 'vitest';
import { embedCorpus, embedInBatches, embedOne, hashTexts, type Embedder } from './embedding-cache';

/** A fake pipeline: each text becomes [length, first char code], and every call is recorded. */
function fakeEmbedder() {
  const calls: string[][] = [];
  const embed = vi.fn(async (texts: string[]) => {
    calls.push(texts);
    return { tolist: () => texts.map((t) => [t.length, t.charCodeAt(0) || 0]) };
  });
  return { embed: embed as unknown as Embedder, calls };
}

describe('hashTexts', () => {
  it('is stable, order-sensitive and boundary-sensitive', () => {
    expect(hashTexts(['a', 'b'])).toBe(hashTexts(['a', 'b']));
    expect(hashTexts(['a', 'b'])).not.toBe(hashTexts(['b', 'a']));
    expect(hashTexts(['ab'])).not.toBe(hashTexts(['a', 'b']));
    expect(hashTexts(['a', 'b'])).not.toBe(hashTexts(['a', 'b', '']));
    expect(hashTexts([])).toMatch(/^[0-9a-f]{16}-0$/);
  });
});

describe('embedInBatches', () => {
  it('embeds in batches, in order, reporting progress', async () => {
    const { embed, calls } = fakeEmbedder();
    const progress: number[] = [];
    const vectors = await embedInBatches(embed, ['a', 'bb', 'ccc', 'dddd', 'e'], { batchSize: 2, onProgress: (p) => progress.push(p.done) });
    expect(calls).toEqual([['a', 'bb'], ['ccc', 'dddd'], ['e']]);
    expect(vectors.map((v) => v[0])).toEqual([1, 2, 3, 4, 1]);
    expect(progress).toEqual([2, 4, 5]);
  });
  it('stops between batches when interrupted', async () => {
    const { embed, calls } = fakeEmbedder();
    let stop = false;
    const run = embedInBatches(embed, ['a', 'b', 'c'], { batchSize: 1, onProgress: () => (stop = true), interrupted: () => stop });
    await expect(run).rejects.toMatchObject({ name: 'CancelledError' });
    expect(calls).toHaveLength(1);
  });
});

describe('embedCorpus', () => {
  it('embeds a corpus once per pipeline and reuses it while the texts are unchanged', async () => {
    const { embed, calls } = fakeEmbedder();
    const first = await embedCorpus(embed, ['one', 'two']);
    expect(first.embedded).toBe(2);
    const again = await embedCorpus(embed, ['one', 'two']);
    expect(again.embedded).toBe(0);
    expect(again.vectors).toBe(first.vectors);
    expect(calls).toHaveLength(1);
    const changed = await embedCorpus(embed, ['one', 'three']);
    expect(changed.embedded).toBe(2);
    expect(calls).toHaveLength(2);
  });
  it('keeps a separate cache per pipeline', async () => {
    const a = fakeEmbedder();
    const b = fakeEmbedder();
    await embedCorpus(a.embed, ['x']);
    expect((await embedCorpus(b.embed, ['x'])).embedded).toBe(1);
    expect((await embedCorpus(a.embed, ['x'])).embedded).toBe(0);
  });
  it('embeds a single query outside the cache', async () => {
    const { embed } = fakeEmbedder();
    expect(await embedOne(embed, 'hey')).toEqual([3, 104]);
  });
});
