import { describe, expect, it } from 'vitest';
import { MAX_PICTURES, NO_PICTURES, embeddingFrom, normalise, picturesProblem, pruneIndex, rankPictures } from './gallery';

const tensor = (dims: number[], data: number[]) => ({ dims, data: Float32Array.from(data) });

describe('embeddingFrom', () => {
  it("takes CLIP's projected image_embeds over the hidden states", () => {
    const outputs = { image_embeds: tensor([1, 2], [3, 4]), last_hidden_state: tensor([1, 2, 3], [9, 9, 9, 9, 9, 9]) };
    expect(embeddingFrom(outputs)).toEqual([3, 4]);
  });
  it('falls back to pooler_output, then the first token of last_hidden_state', () => {
    expect(embeddingFrom({ pooler_output: tensor([1, 3], [1, 2, 3]) })).toEqual([1, 2, 3]);
    expect(embeddingFrom({ last_hidden_state: tensor([1, 2, 3], [1, 2, 3, 7, 8, 9]) })).toEqual([1, 2, 3]);
  });
  it('names what it got when no output fits', () => {
    expect(() => embeddingFrom({ logits: tensor([1, 2], [0, 1]) })).toThrow(/it gave logits/);
  });
});

describe('normalise and rank', () => {
  it('scales to unit length and leaves a zero vector alone', () => {
    const unit = normalise([3, 4]);
    expect(unit[0]).toBeCloseTo(0.6);
    expect(unit[1]).toBeCloseTo(0.8);
    expect(normalise([0, 0])).toEqual([0, 0]);
  });
  it('ranks a picture first against itself with cosine 1, whatever its length', () => {
    const vectors = [[1, 0, 0], [0.6, 0.8, 0], [10, 1, 0], [-1, 0, 0]];
    const ranked = rankPictures([20, 2, 0], vectors, ['a', 'b', 'c', 'd']);
    expect(ranked.map((hit) => hit.name)).toEqual(['c', 'a', 'b', 'd']);
    expect(ranked[0].score).toBeCloseTo(1, 6);
    expect(ranked[0].index).toBe(2);
    expect(ranked[3].score).toBeLessThan(0);
  });
  it('keeps the order of ties', () => {
    expect(rankPictures([1, 0], [[2, 0], [1, 0]], ['x', 'y']).map((hit) => hit.name)).toEqual(['x', 'y']);
  });
});

describe('the picture set', () => {
  it('needs at least one picture and at most the cap', () => {
    expect(picturesProblem(0)).toBe(NO_PICTURES);
    expect(picturesProblem(3)).toBeUndefined();
    expect(picturesProblem(MAX_PICTURES + 1)).toMatch(/more than this page indexes/);
  });
  it('prunes vectors of pictures no longer in the set', () => {
    const index = new Map([['a', [1]], ['b', [2]], ['c', [3]]]);
    pruneIndex(index, ['c', 'a']);
    expect([...index.keys()]).toEqual(['a', 'c']);
  });
});
