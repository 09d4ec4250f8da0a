import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'question-answering',
  label: 'Question answering',
  group: 'Text',
  summary: 'Answers a question by picking the span of a given context that answers it (extractive QA).',
  models: [
    { id: 'Xenova/distilbert-base-cased-distilled-squad', note: 'DistilBERT fine-tuned on SQuAD v1.1 (cased English)', sizeMB: 65 },
    { id: 'Xenova/distilbert-base-uncased-distilled-squad', note: 'DistilBERT fine-tuned on SQuAD v1.1 (lower-cased English)', sizeMB: 65 },
  ],
  params: [],
};
