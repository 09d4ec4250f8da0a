// Keeps the key/value cache of the last turn so a follow-up only computes its new tokens.
// Re-rendering the chat template rarely reproduces the generated tokens exactly (a reply is
// re-tokenized from text), so the cache is cropped to the longest prefix both share.
import { DynamicCache, Tensor } from '@huggingface/transformers';

type Cache = InstanceType<typeof DynamicCache>;

interface Kept {
  owner: unknown;
  ids: number[];
  cache: Cache;
}

let kept: Kept | undefined;

export function commonPrefixLength(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

/** A copy of the cache covering only its first `length` tokens; undefined when it cannot be cropped on the CPU. */
export function cropCache(cache: Cache, length: number): Cache | undefined {
  const entries: Record<string, Tensor> = {};
  for (const [name, value] of Object.entries(cache as unknown as Record<string, Tensor>)) {
    if (!name.startsWith('past_key_values.') || value.location !== 'cpu' || value.dims.length !== 4) return undefined;
    entries[name] = value.slice(null, null, [0, length], null);
  }
  return new DynamicCache(entries);
}

/**
 * The cache to continue from for these prompt ids (at least one prompt token is always left to compute).
 * The caller takes it over: generation extends it in place, so it is no longer kept here.
 */
export async function cacheFor(owner: unknown, ids: readonly number[]): Promise<{ cache: Cache; tokens: number } | undefined> {
  const previous = kept;
  if (!previous || previous.owner !== owner) {
    await forget();
    return undefined;
  }
  const usable = Math.min(commonPrefixLength(previous.ids, ids), ids.length - 1);
  if (usable === previous.ids.length) {
    kept = undefined;
    return { cache: previous.cache, tokens: usable };
  }
  const cropped = usable > 0 ? cropCache(previous.cache, usable) : undefined;
  await forget();
  return cropped ? { cache: cropped, tokens: usable } : undefined;
}

/** Remembers the cache after a turn; it covers the first get_seq_length() tokens of `sequence`. */
export function remember(owner: unknown, sequence: readonly number[], cache: Cache): void {
  kept = { owner, ids: sequence.slice(0, cache.get_seq_length()), cache };
}

export async function forget(): Promise<void> {
  const old = kept;
  kept = undefined;
  await old?.cache.dispose();
}
