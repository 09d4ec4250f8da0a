import { InvalidInputError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import type { Chunk, Output, WorkerInput } from './types';
import { embedCorpus, type Embedder } from '../shared/embedding-cache';
import { itemText, recommendationProblem } from './catalog';
import { recommend } from './recommend';
import type { CatalogItem } from './sample-catalog';

const MAX_SHOWN = 50;

const isItem = (value: unknown): value is CatalogItem =>
  typeof (value as CatalogItem)?.id === 'string' && typeof (value as CatalogItem).title === 'string' && (value as CatalogItem).title.trim() !== '';

function readRequest(input: WorkerInput): WorkerInput {
  const { items: rawItems, liked: rawLiked } = input;
  const items = (Array.isArray(rawItems) ? rawItems : []).filter(isItem).map((item) => ({ ...item, description: String(item.description ?? '') }));
  const liked = (Array.isArray(rawLiked) ? rawLiked : []).filter((id): id is string => typeof id === 'string');
  const problem = recommendationProblem(items, liked);
  if (problem) {
    const hint = items.length === 0 ? 'Use the sample catalog or paste one item per line.' : 'Tap the heart next to items you like.';
    throw new InvalidInputError(problem, hint);
  }
  return { items, liked };
}

const runner: TaskRunner<WorkerInput, Output, Chunk, Embedder> = {
  async warmup(pipe) {
    await pipe(['warm up'], { pooling: 'mean', normalize: true });
  },
  async run({ pipe, input, interrupted, emit }) {
    const { items, liked } = readRequest(input);
    const likedSet = new Set(liked);
    const likedIndices = items.flatMap((item, i) => (likedSet.has(item.id) ? [i] : []));
    const corpus = await embedCorpus(pipe, items.map(itemText), { interrupted, onProgress: emit });
    const results = recommend(corpus.vectors, likedIndices, MAX_SHOWN).map(({ index, score, because, becauseScore }) => ({
      ...items[index],
      score,
      because: { title: items[because].title, score: becauseScore },
    }));
    const output: Output = {
      liked: likedIndices.map((i) => items[i].title),
      results,
      total: items.length,
      dims: corpus.vectors[0]?.length ?? 0,
      embeddedItems: corpus.embedded,
    };
    return { output };
  },
};
export default runner;
