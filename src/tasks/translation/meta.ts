import type { TaskMeta } from '../types';
import { maxNewTokensParam } from '../shared/generation-params';

export const meta: TaskMeta = {
  id: 'translation',
  label: 'Translation',
  group: 'Text',
  summary: 'Translates text, streamed as it is generated; many-to-many models get source and target language pickers.',
  hostTags: ['translation', 'text2text-generation'],
  models: [
    { id: 'Xenova/opus-mt-en-de', note: 'Marian opus-mt: English → German only (one direction per model)', sizeMB: 78 },
    { id: 'Xenova/nllb-200-distilled-600M', note: 'NLLB-200: 200 languages, any direction', sizeMB: 600 },
    { id: 'Xenova/m2m100_418M', note: 'M2M100: 100 languages, any direction', sizeMB: 420 },
    { id: 'Xenova/t5-small', note: 'T5-small: English → German via its prompt prefix', sizeMB: 60 },
  ],
  params: [maxNewTokensParam(128)],
};
