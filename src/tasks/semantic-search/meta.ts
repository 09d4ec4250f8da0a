import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'semantic-search',
  pipeline: 'feature-extraction',
  label: 'Semantic search',
  group: 'Text',
  summary: 'Ranks your documents by meaning against a query; the corpus is embedded once and reused for new queries.',
  hostTags: ['sentence-similarity', 'feature-extraction'],
  models: [
    { id: 'Xenova/all-MiniLM-L6-v2', note: 'Fast general-purpose English sentence embeddings (384-d)', sizeMB: 23 },
    { id: 'minishlab/potion-base-4M', note: 'Tiny static Model2Vec embeddings (128-d), very fast', sizeMB: 4 },
    { id: 'Xenova/bge-small-en-v1.5', note: 'Strong small retrieval embeddings (384-d)', sizeMB: 34 },
  ],
  params: [
    { key: 'top_k', label: 'Top-k results', kind: 'range', min: 1, max: 50, step: 1, default: 5, help: 'How many documents to show' },
  ],
};
