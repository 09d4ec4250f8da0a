import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'fill-mask',
  label: 'Fill in the blank',
  group: 'Text',
  summary: 'Predicts the most likely words for a [MASK] (or <mask>) in a sentence, as masked language models are trained to.',
  models: [
    { id: 'Xenova/bert-base-uncased', note: 'BERT base, lower-cased English; mask token [MASK]', sizeMB: 110 },
    { id: 'Xenova/distilroberta-base', note: 'Distilled RoBERTa, cased English; mask token <mask>', sizeMB: 82 },
  ],
  params: [{ key: 'top_k', label: 'Predictions (top-k)', kind: 'range', min: 1, max: 20, step: 1, default: 5 }],
};
