// Small vector helpers for embedding tasks (pure; run in the worker and in unit tests).

export function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i] * b[i];
  return sum;
}

export function norm(a: readonly number[]): number {
  return Math.sqrt(dot(a, a));
}

/** Cosine similarity; 0 when either vector is all zeros. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`Vector lengths differ: ${a.length} vs ${b.length}`);
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot(a, b) / denominator;
}

/** The element-wise mean of one or more vectors of the same length. */
export function meanVector(vectors: readonly (readonly number[])[]): number[] {
  if (vectors.length === 0) throw new Error('meanVector needs at least one vector');
  const mean = new Array<number>(vectors[0].length).fill(0);
  for (const vector of vectors) {
    if (vector.length !== mean.length) throw new Error('meanVector: vectors differ in length');
    for (let i = 0; i < mean.length; i += 1) mean[i] += vector[i];
  }
  return mean.map((value) => value / vectors.length);
}

export interface Ranked {
  index: number;
  score: number;
}

/**
 * Ranks candidate vectors by cosine similarity to a query, best first (ties keep their order).
 * `skip` leaves some indices out; `limit` keeps only the best few.
 */
export function rankByCosine(
  query: readonly number[],
  candidates: readonly (readonly number[])[],
  { limit = Infinity, skip }: { limit?: number; skip?: ReadonlySet<number> } = {},
): Ranked[] {
  const ranked: Ranked[] = [];
  candidates.forEach((vector, index) => {
    if (!skip?.has(index)) ranked.push({ index, score: cosine(query, vector) });
  });
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked.slice(0, Math.max(0, limit));
}
