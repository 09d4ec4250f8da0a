import { useId, useState } from 'react';
import type { InputProps, TaskView } from '../types';
import { TextInput } from '../../ui/kit/TextInput/TextInput';
import { ScoreBars } from '../../ui/kit/ScoreBars/ScoreBars';
import { LABELS_MISSING, TEXT_MISSING, addLabels, removeLabel } from './labels';
import type { Input, Output } from './types';
import { FieldError } from '../../ui/kit/FieldError/FieldError';

const SAMPLES: Input[] = [
  { text: 'Who are you voting for in the next election?', labels: ['politics', 'business', 'sports'] },
  { text: 'The striker scored twice in the second half.', labels: ['sports', 'politics', 'business'] },
  { text: 'Add two cups of flour and bake for 30 minutes.', labels: ['cooking', 'travel', 'finance'] },
  { text: 'Our flight to Rome was delayed by three hours.', labels: ['travel', 'cooking', 'sports'] },
  { text: 'I have a problem with my iphone that needs to be resolved asap!', labels: ['urgent', 'not urgent', 'phone', 'tablet', 'computer'] },
];

interface EditorProps {
  labels: string[];
  onChange(labels: string[]): void;
  error?: string;
  disabled: boolean;
  /** The field's label and the entry's placeholder, where the labels are something else (e.g. things to find). */
  title?: string;
  placeholder?: string;
}

export function LabelEditor({ labels, onChange, error, disabled, title = 'Candidate labels', placeholder = 'Add labels: travel, cooking, …' }: EditorProps) {
  const id = useId();
  const [entry, setEntry] = useState('');
  const commit = () => {
    if (!entry.trim()) return;
    onChange(addLabels(labels, entry));
    setEntry('');
  };
  return (
    <div className="field label-editor">
      <label htmlFor={id}>{title}</label>
      <ul className="label-chips" data-testid="label-chips">
        {labels.map((label, i) => (
          <li key={`${label}-${i}`} className="label-chip" data-testid="label-chip">
            <span>{label}</span>
            <button type="button" aria-label={`Remove ${label}`} title={`Remove ${label}`} onClick={() => onChange(removeLabel(labels, i))} disabled={disabled} data-testid="remove-label">
              ×
            </button>
          </li>
        ))}
        {labels.length === 0 && <li className="muted small">No labels yet.</li>}
      </ul>
      <div className="label-entry">
        <input
          id={id}
          type="text"
          value={entry}
          placeholder={placeholder}
          onChange={(event) => setEntry(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit();
            }
          }}
          onBlur={commit}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
          disabled={disabled}
          data-testid="label-entry"
        />
        <button type="button" className="secondary" onClick={commit} disabled={disabled || !entry.trim()} data-testid="add-labels">
          Add
        </button>
        {labels.length > 0 && (
          <button type="button" className="secondary" onClick={() => onChange([])} disabled={disabled} data-testid="clear-labels">
            Clear
          </button>
        )}
      </div>
      <FieldError id={`${id}-error`} testId="labels-error">{error}</FieldError>
    </div>
  );
}

function ZeroShotFields({ value, onChange, error, disabled }: InputProps<Input>) {
  const labelsAtFault = value.text.trim() !== '' && value.labels.length === 0;
  return (
    <>
      <TextInput label="Text" value={value.text} onChange={(text) => onChange({ ...value, text })} error={labelsAtFault ? undefined : error} disabled={disabled} rows={4} testId="text-input" />
      <LabelEditor labels={value.labels} onChange={(labels) => onChange({ ...value, labels })} error={labelsAtFault ? error : undefined} disabled={disabled} />
      <div className="chips" aria-label="Sample inputs">
        {SAMPLES.map((sample) => (
          <button key={sample.text} type="button" className="chip" title={`Labels: ${sample.labels.join(', ')}`} onClick={() => onChange(sample)} disabled={disabled}>
            {sample.text.length > 40 ? `${sample.text.slice(0, 37)}…` : sample.text}
          </button>
        ))}
      </div>
    </>
  );
}

function ZeroShotResult({ output }: { output: Output }) {
  return (
    <div className="zero-shot" data-testid="zero-shot-output" data-independent={String(output.independent)}>
      <p className="muted small" data-testid="score-mode">
        {output.independent
          ? 'Each label scored on its own (multi-label): every score is 0–100% and they need not add up to 100%.'
          : 'Scores shared out between the labels (single-label): they add up to 100%.'}
      </p>
      <ScoreBars items={output.scores} />
    </div>
  );
}

const view: TaskView<Input, Output> = {
  defaultInput: SAMPLES[0],
  validate: (input) => {
    if (!input.text.trim()) return TEXT_MISSING;
    if (input.labels.length === 0) return LABELS_MISSING;
    return undefined;
  },
  Input: ZeroShotFields,
  Output: ({ output }) => (output ? <ZeroShotResult output={output} /> : null),
};
export default view;
