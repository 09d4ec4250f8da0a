import { CancelledError } from '../../protocol/errors';

/** A feature-extraction pipeline, as the embedding tasks call it. */
export type Embedder = (texts: string[], options: { pooling: 'mean'; normalize: true }) => Promise<{ tolist(): number[][] }>;

export interface EmbedProgress {
  done: number;
  total: number;
}

/** 64-bit FNV-1a (two 32-bit lanes) over the texts and their boundaries: a cheap key for "same corpus". */
export function hashTexts(texts: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ texts.length;
  for (const text of texts) {
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995);
    }
    a = Math.imul(a ^ 0xffff, 0x01000193); // separator: ['ab'] and ['a', 'b'] differ
    b = Math.imul(b ^ 0xffff, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}-${texts.length}`;
}

interface Slot {
  key: string;
  vectors: number[][];
}

/** One cached corpus per loaded pipeline: a new model (a new pipe object) never sees another's vectors. */
const slots = new WeakMap<object, Slot>();

interface EmbedOptions {
  batchSize?: number;
  onProgress?(progress: EmbedProgress): void;
  interrupted?(): boolean;
}

/** Embeds texts in batches (bounded memory, progress, a stop check between batches). */
export async function embedInBatches(embed: Embedder, texts: string[], options: EmbedOptions = {}): Promise<number[][]> {
  const { batchSize = 32, onProgress, interrupted } = options;
  const vectors: number[][] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    if (interrupted?.()) throw new CancelledError('Stopped by the user.', 'The documents embedded so far were discarded.');
    const batch = texts.slice(start, start + batchSize);
    vectors.push(...(await embed(batch, { pooling: 'mean', normalize: true })).tolist());
    onProgress?.({ done: vectors.length, total: texts.length });
  }
  return vectors;
}

/**
 * Embeds a corpus once per pipeline and corpus: the same texts again (same hash) reuse the vectors.
 * Returns how many texts were embedded by this call (0 when the cache answered).
 */
export async function embedCorpus(pipe: Embedder, texts: string[], options: EmbedOptions = {}): Promise<{ vectors: number[][]; embedded: number; key: string }> {
  const key = hashTexts(texts);
  const cached = slots.get(pipe);
  if (cached?.key === key) return { vectors: cached.vectors, embedded: 0, key };
  const vectors = await embedInBatches(pipe, texts, options);
  slots.set(pipe, { key, vectors });
  return { vectors, embedded: texts.length, key };
}

/** Embeds one text (a query) without touching the cache. */
export async function embedOne(pipe: Embedder, text: string): Promise<number[]> {
  return (await pipe([text], { pooling: 'mean', normalize: true })).tolist()[0];
}
