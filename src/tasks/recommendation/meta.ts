import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'recommendation',
  pipeline: 'feature-extraction',
  label: 'Recommendation',
  group: 'Text',
  summary: 'Given items a user liked, rank a catalog by embedding similarity.',
  hostTags: ['sentence-similarity', 'feature-extraction'],
  models: [
    { id: 'Xenova/all-MiniLM-L6-v2', note: 'Fast general-purpose English sentence embeddings (384-d)', sizeMB: 23 },
    { id: 'minishlab/potion-base-4M', note: 'Tiny static Model2Vec embeddings (128-d), very fast', sizeMB: 4 },
    { id: 'Xenova/bge-small-en-v1.5', note: 'Strong small retrieval embeddings (384-d)', sizeMB: 34 },
  ],
  params: [
    { key: 'top_k', label: 'Recommendations shown', kind: 'range', min: 1, max: 50, step: 1, default: 8, help: 'How many items to show' },
  ],
};
