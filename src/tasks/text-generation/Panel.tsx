import type { TaskView } from '../types';
import { TextInput } from '../../ui/kit/TextInput/TextInput';
import type { Chunk, Input, Output, Streamed } from './types';
import { appendChunk } from '../shared/text-chunk';

const SAMPLES = ['Once upon a time', 'The little robot looked at the stars and', 'Here is a short poem about the sea:'];

const view: TaskView<Input, Output, Streamed, Input, Chunk> = {
  defaultInput: SAMPLES[0],
  validate: (input) => (input.trim() ? undefined : 'Type a prompt to continue.'),
  reducePartial: appendChunk,
  Input: ({ value, onChange, error, disabled }) => (
    <TextInput label="Prompt" value={value} onChange={onChange} samples={SAMPLES} error={error} disabled={disabled} rows={5} testId="prompt-input" />
  ),
  Output: ({ input, output, partial }) => {
    const streaming = output === undefined;
    const text = output?.completion ?? partial ?? '';
    if (streaming && !text) return <p className="muted">Waiting for the first token…</p>;
    return (
      <div className="generation" data-testid="generation-output" aria-live="polite">
        <span className="prompt-echo">{output?.prompt ?? input}</span>
        <span data-testid="completion">{text}</span>
        {streaming && <span className="caret" aria-hidden="true" />}
        {output?.stopped && <span className="pill warn">stopped</span>}
      </div>
    );
  },
};
export default view;
