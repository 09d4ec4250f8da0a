// feature-extraction's contract, used by run.ts (worker) and Panel.tsx (UI).

export interface Input {
  sentences: string[];
  query: string;
}

export interface Output {
  sentences: string[];
  query: string;
  dims: number;
  /** Cosine similarity between every pair of sentences. */
  matrix: number[][];
  /** Sentences ranked by similarity to the query. */
  neighbours: { index: number; score: number }[];
}
