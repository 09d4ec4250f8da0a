import { createSeq2SeqRunner } from '../shared/seq2seq-run';
import { requireText } from '../shared/worker-input';
import type { Input } from './types';

// The pipeline adds a model's own prefix (T5: "summarize: ") from its config.
export default createSeq2SeqRunner<Input>({
  request: (input) => ({ text: requireText(input, 'text to summarize').trim() }),
});
