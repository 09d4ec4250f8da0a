import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'token-classification',
  label: 'Named entities (NER)',
  group: 'Text',
  summary: 'Finds the people, organisations, places and other named entities in a text and highlights them.',
  models: [
    { id: 'Xenova/bert-base-NER', note: 'BERT fine-tuned on CoNLL-2003: PER, ORG, LOC, MISC (English)', sizeMB: 108 },
    { id: 'Xenova/bert-base-multilingual-cased-ner-hrl', note: 'PER, ORG, LOC in 10 high-resource languages', sizeMB: 178 },
  ],
  params: [],
};
