import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'feature-extraction',
  label: 'Sentence similarity',
  group: 'Text',
  summary: 'Embeds sentences as vectors: a similarity matrix between them, and nearest neighbours of a query.',
  hostTags: ['feature-extraction', 'sentence-similarity'],
  models: [
    { id: 'Xenova/all-MiniLM-L6-v2', note: 'Fast general-purpose English sentence embeddings (384-d)', sizeMB: 23 },
    { id: 'minishlab/potion-base-4M', note: 'Tiny static Model2Vec embeddings (128-d), very fast', sizeMB: 4 },
    { id: 'Xenova/bge-small-en-v1.5', note: 'Strong small retrieval embeddings (384-d)', sizeMB: 34 },
  ],
  params: [],
};
