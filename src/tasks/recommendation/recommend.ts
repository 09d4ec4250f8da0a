import { cosine, meanVector, rankByCosine } from '../shared/vectors';

export interface Recommendation {
  index: number;
  /** Cosine similarity to the mean of the liked items' embeddings. */
  score: number;
  /** The liked item most similar to this one, and that similarity. */
  because: number;
  becauseScore: number;
}

/**
 * Ranks every item that is not liked by cosine similarity to the mean of the liked items' vectors,
 * and names, for each, the liked item it is closest to.
 */
export function recommend(vectors: readonly (readonly number[])[], liked: readonly number[], limit = Infinity): Recommendation[] {
  if (liked.length === 0) throw new Error('recommend needs at least one liked item');
  const profile = meanVector(liked.map((i) => vectors[i]));
  return rankByCosine(profile, vectors, { limit, skip: new Set(liked) }).map(({ index, score }) => {
    let because = liked[0];
    let becauseScore = -Infinity;
    for (const candidate of liked) {
      const similarity = cosine(vectors[index], vectors[candidate]);
      if (similarity > becauseScore) [because, becauseScore] = [candidate, similarity];
    }
    return { index, score, because, becauseScore };
  });
}
