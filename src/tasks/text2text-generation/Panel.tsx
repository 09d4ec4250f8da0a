import type { TaskView } from '../types';
import type { Chunk, Input, Output, Streamed } from './types';
import { seq2seqTextView } from '../shared/Seq2SeqView';

const SAMPLES = [
  'Answer the question: what is the capital of France?',
  'Translate English to German: How old are you?',
  'Is the following review positive or negative? The food was cold and the waiter was rude.',
  'Write a short sentence about the ocean.',
];

const view: TaskView<Input, Output, Streamed, Input, Chunk> = seq2seqTextView({
  inputLabel: 'Instruction',
  outputTitle: 'Answer',
  samples: SAMPLES,
  rows: 4,
  emptyMessage: 'Type an instruction for the model.',
  testId: 'instruction-input',
});
export default view;
