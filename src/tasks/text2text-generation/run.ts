import { createSeq2SeqRunner } from '../shared/seq2seq-run';
import { requireText } from '../shared/worker-input';
import type { Input } from './types';

export default createSeq2SeqRunner<Input>({
  request: (input) => ({ text: requireText(input, 'instruction').trim() }),
});
