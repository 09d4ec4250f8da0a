import type { TaskMeta } from '../types';
import { maxNewTokensParam, minNewTokensParam, repetitionPenaltyParam } from '../shared/generation-params';

export const meta: TaskMeta = {
  id: 'summarization',
  label: 'Summarization',
  group: 'Text',
  summary: 'Condenses a long text into a short summary, streamed as it is written.',
  hostTags: ['summarization', 'text2text-generation'],
  models: [
    { id: 'Xenova/distilbart-cnn-6-6', note: 'DistilBART fine-tuned on CNN/DailyMail news summaries', sizeMB: 300 },
    { id: 'Xenova/t5-small', note: 'T5-small (adds the “summarize:” prefix itself)', sizeMB: 60 },
  ],
  params: [maxNewTokensParam(96), { ...minNewTokensParam(), label: 'Min new tokens (min length)' }, repetitionPenaltyParam()],
};
