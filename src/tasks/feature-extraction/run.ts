import { InvalidInputError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import { requireText } from '../shared/worker-input';

export interface SimilarityInput {
  sentences: string[];
  query: string;
}

export interface SimilarityOutput {
  sentences: string[];
  query: string;
  dims: number;
  /** Cosine similarity between every pair of sentences. */
  matrix: number[][];
  /** Sentences ranked by similarity to the query. */
  neighbours: { index: number; score: number }[];
}

type Embedder = (texts: string[], options: { pooling: 'mean'; normalize: true }) => Promise<{ tolist(): number[][] }>;

const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i], 0);

const runner: TaskRunner = {
  async warmup(pipe) {
    await (pipe as Embedder)(['warm up'], { pooling: 'mean', normalize: true });
  },
  async run({ pipe, input }) {
    const { sentences: raw, query: rawQuery } = (input ?? {}) as Partial<SimilarityInput>;
    const sentences = (raw ?? []).map((s) => s.trim()).filter(Boolean);
    if (sentences.length === 0) throw new InvalidInputError('Enter at least one sentence.', 'One sentence per line.');
    const query = requireText(rawQuery, 'query');
    const vectors = (await (pipe as Embedder)([...sentences, query], { pooling: 'mean', normalize: true })).tolist();
    const queryVector = vectors.pop()!;
    const matrix = vectors.map((a) => vectors.map((b) => dot(a, b)));
    const neighbours = vectors
      .map((vector, index) => ({ index, score: dot(vector, queryVector) }))
      .sort((a, b) => b.score - a.score);
    const output: SimilarityOutput = { sentences, query, dims: queryVector.length, matrix, neighbours };
    return { output };
  },
};
export default runner;
