import { InvalidInputError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import type { Input, Output } from './types';
import { requireText } from '../shared/worker-input';

type Embedder = (texts: string[], options: { pooling: 'mean'; normalize: true }) => Promise<{ tolist(): number[][] }>;

const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i], 0);

const runner: TaskRunner<Input, Output, never, Embedder> = {
  async warmup(pipe) {
    await pipe(['warm up'], { pooling: 'mean', normalize: true });
  },
  async run({ pipe, input }) {
    const { sentences: raw, query: rawQuery } = input;
    const sentences = (raw ?? []).map((s) => s.trim()).filter(Boolean);
    if (sentences.length === 0) throw new InvalidInputError('Enter at least one sentence.', 'One sentence per line.');
    const query = requireText(rawQuery, 'query');
    const vectors = (await pipe([...sentences, query], { pooling: 'mean', normalize: true })).tolist();
    const queryVector = vectors.pop()!;
    const matrix = vectors.map((a) => vectors.map((b) => dot(a, b)));
    const neighbours = vectors
      .map((vector, index) => ({ index, score: dot(vector, queryVector) }))
      .sort((a, b) => b.score - a.score);
    const output: Output = { sentences, query, dims: queryVector.length, matrix, neighbours };
    return { output };
  },
};
export default runner;
