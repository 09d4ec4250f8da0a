import { describe, expect, it } from 'vitest';
import { DynamicCache, Tensor } from '@huggingface/transformers';
import { cacheFor, commonPrefixLength, cropCache, forget, remember } from './kv-cache';

function fakeCache(tokens: number) {
  const data = Float32Array.from({ length: 2 * tokens * 3 }, (_, i) => i);
  const tensor = () => new Tensor('float32', data.slice(), [1, 2, tokens, 3]);
  return new DynamicCache({ 'past_key_values.0.key': tensor(), 'past_key_values.0.value': tensor() });
}

describe('chat key/value cache', () => {
  it('measures the shared prefix', () => {
    expect(commonPrefixLength([1, 2, 3, 4], [1, 2, 9])).toBe(2);
    expect(commonPrefixLength([], [1])).toBe(0);
  });

  it('crops every layer to the first tokens', () => {
    const cropped = cropCache(fakeCache(4), 2)!;
    expect(cropped.get_seq_length()).toBe(2);
    const key = (cropped as unknown as Record<string, Tensor>)['past_key_values.0.key'];
    expect(key.dims).toEqual([1, 2, 2, 3]);
    // head 0 keeps tokens 0-1 (values 0..5), head 1 keeps its tokens 0-1 (values 12..17)
    expect(Array.from(key.data as Float32Array)).toEqual([0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17]);
  });

  it('reuses the whole cache when the new prompt extends the old sequence', async () => {
    const owner = {};
    remember(owner, [1, 2, 3, 4, 5], fakeCache(4));
    const hit = await cacheFor(owner, [1, 2, 3, 4, 5, 6, 7]);
    expect(hit?.tokens).toBe(4);
    expect(hit?.cache.get_seq_length()).toBe(4);
  });

  it('crops to the shared prefix when the history was re-tokenized differently', async () => {
    const owner = {};
    remember(owner, [1, 2, 3, 4, 5], fakeCache(4));
    const hit = await cacheFor(owner, [1, 2, 3, 9, 9, 9]);
    expect(hit?.tokens).toBe(3);
    expect(hit?.cache.get_seq_length()).toBe(3);
  });

  it('never reuses across models, and always leaves a token to compute', async () => {
    remember({}, [1, 2, 3], fakeCache(3));
    expect(await cacheFor({}, [1, 2, 3, 4])).toBeUndefined();
    const owner = {};
    remember(owner, [1, 2, 3], fakeCache(3));
    expect((await cacheFor(owner, [1, 2, 3]))?.tokens).toBe(2);
    await forget();
  });
});
