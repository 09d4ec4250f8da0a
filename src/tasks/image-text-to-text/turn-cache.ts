// Keeps the key/value cache of the last turn about a picture (chat/kv-cache.ts), so a follow-up computes only its
// new tokens: no vision encoder pass, no prefill of the picture's tokens. Every picture expands to the same
// <image> ids, so the ids alone cannot tell two pictures apart: the cache belongs to one model, one picture (its
// bytes' SHA-256) and one tiling, and any change starts afresh.
import type { DynamicCache } from '@huggingface/transformers';
import { cacheFor, forget, remember } from '../chat/kv-cache';

const modelIds = new WeakMap<object, number>();
let nextModelId = 1;

/** Who a cache belongs to; undefined when the picture cannot be fingerprinted (then nothing is reused). */
export async function turnOwner(model: object, image: Blob, tiled: boolean): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  if (!modelIds.has(model)) modelIds.set(model, nextModelId++);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await image.arrayBuffer()));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${modelIds.get(model)}:${hex}:${tiled ? 'tiles' : 'whole'}`;
}

export async function reusableCache(owner: string | undefined, ids: readonly number[]) {
  if (!owner) {
    await forget();
    return undefined;
  }
  return cacheFor(owner, ids);
}

export function keepCache(owner: string | undefined, sequence: readonly number[], cache: InstanceType<typeof DynamicCache>): void {
  if (owner) remember(owner, sequence, cache);
  else void cache.dispose();
}

export { forget as forgetTurns };
