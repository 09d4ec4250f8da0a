import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'zero-shot-classification',
  label: 'Zero-shot classification',
  group: 'Text',
  summary: 'Scores a text against labels you choose, with no training: an NLI model checks "This example is {label}." for each.',
  models: [
    { id: 'Xenova/mobilebert-uncased-mnli', note: 'MobileBERT trained on MultiNLI; small and fast', sizeMB: 26 },
    { id: 'Xenova/nli-deberta-v3-xsmall', note: 'DeBERTa-v3 xsmall NLI cross-encoder; more accurate', sizeMB: 87 },
    { id: 'Xenova/bart-large-mnli', note: 'BART large MNLI, the classic zero-shot model; large', sizeMB: 407 },
    { id: 'fixtures/potion-base-4M-zeroshot-nli', note: 'embedding-similarity test fixture (local mirror)', sizeMB: 3.8 },
  ],
  params: [
    {
      key: 'multi_label',
      label: 'Multi-label (score each label on its own)',
      kind: 'toggle',
      default: false,
      help: 'Off: the scores are shared out between the labels and sum to 100%. On: each label gets an independent 0–100% score.',
    },
  ],
};
