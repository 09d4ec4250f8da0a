import type { TaskView } from '../types';
import type { Chunk, Input, Output, Streamed } from './types';
import { seq2seqTextView } from '../shared/Seq2SeqView';

// The first sample is short enough for small test models (the mirror's tiny T5 reads 128 tokens), so the task
// runs at a click on any host; the longer ones show what a real summarizer does.
const SAMPLES = [
  'A study that followed two thousand adults for a year found that people who walk thirty minutes a day sleep better ' +
    'and feel less stressed, most of all when they walk outdoors.',
  'The tower is 324 metres (1,063 ft) tall, about the same height as an 81-storey building, and the tallest structure in Paris. ' +
    'Its base is square, measuring 125 metres (410 ft) on each side. During its construction, the Eiffel Tower surpassed the ' +
    'Washington Monument to become the tallest man-made structure in the world, a title it held for 41 years until the Chrysler ' +
    'Building in New York City was finished in 1930. Due to the addition of a broadcasting aerial at the top of the tower in 1957, ' +
    'it is now taller than the Chrysler Building by 5.2 metres (17 ft).',
  'Researchers have found that people who walk for at least thirty minutes a day sleep better and report less stress. The study ' +
    'followed two thousand adults for a year. Those who walked outdoors saw the largest benefit, and the effect held across all ' +
    'age groups. The authors suggest that short walks at lunchtime are an easy way for office workers to improve their health.',
];

const view: TaskView<Input, Output, Streamed, Input, Chunk> = seq2seqTextView({
  inputLabel: 'Text to summarize',
  outputTitle: 'Summary',
  samples: SAMPLES,
  rows: 9,
  emptyMessage: 'Paste or type a text to summarize.',
  testId: 'summarize-input',
});
export default view;
