import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'text-classification',
  label: 'Sentiment & text classification',
  group: 'Text',
  summary: 'Scores a text against the labels the model was trained on (e.g. POSITIVE / NEGATIVE).',
  models: [
    { id: 'Xenova/distilbert-base-uncased-finetuned-sst-2-english', note: 'DistilBERT fine-tuned on SST-2 movie reviews', sizeMB: 67 },
    { id: 'Xenova/bert-base-multilingual-uncased-sentiment', note: 'Product-review stars (1-5) in 6 languages', sizeMB: 168 },
    { id: 'Xenova/toxic-bert', note: 'Toxic-comment labels (multi-label)', sizeMB: 110 },
  ],
  params: [],
};
