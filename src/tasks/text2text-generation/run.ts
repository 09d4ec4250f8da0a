import { createSeq2SeqRunner } from '../shared/seq2seq-run';
import { requireText } from '../shared/worker-input';

export default createSeq2SeqRunner({
  request: (input) => ({ text: requireText(input, 'instruction').trim() }),
});
