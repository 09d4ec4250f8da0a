import type { TaskMeta } from '../types';
import { maxNewTokensParam, minNewTokensParam, repetitionPenaltyParam } from '../shared/generation-params';

export const meta: TaskMeta = {
  id: 'text2text-generation',
  label: 'Text-to-text',
  group: 'Text',
  summary: 'Follows a free-form instruction (answer, rewrite, translate, classify) with an encoder-decoder model, streamed.',
  models: [
    { id: 'Xenova/flan-t5-small', note: 'Flan-T5 small: instruction-tuned T5', sizeMB: 77 },
    { id: 'Xenova/LaMini-Flan-T5-248M', note: 'LaMini Flan-T5 248M: longer, chattier answers', sizeMB: 250 },
    { id: 'Xenova/t5-small', note: 'Original T5-small: prefixes like “summarize:” or “translate English to German:”', sizeMB: 60 },
  ],
  params: [maxNewTokensParam(128), minNewTokensParam(), repetitionPenaltyParam()],
};
