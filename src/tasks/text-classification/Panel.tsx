import type { TaskView } from '../types';
import type { Input, Output } from './types';
import { TextInput } from '../../ui/kit/TextInput/TextInput';
import { ScoreBars } from '../../ui/kit/ScoreBars/ScoreBars';

const SAMPLES = ['I love this movie', 'This was terrible', 'The plot was boring and the acting was awful.', 'This product exceeded my expectations.'];

const view: TaskView<Input, Output> = {
  defaultInput: SAMPLES[0],
  validate: (input) => (input.trim() ? undefined : 'Type a text to classify.'),
  Input: ({ value, onChange, error, disabled }) => (
    <TextInput label="Text" value={value} onChange={onChange} samples={SAMPLES} error={error} disabled={disabled} testId="text-input" />
  ),
  Output: ({ output }) => (output ? <ScoreBars items={output} /> : null),
};
export default view;
