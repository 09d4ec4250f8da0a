import { useId } from 'react';
import { FieldError } from '../FieldError/FieldError';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  samples?: string[];
  rows?: number;
  placeholder?: string;
  error?: string;
  disabled?: boolean;
  testId?: string;
}

/** A labelled text area with one-click sample inputs and an inline message slot. */
export function TextInput({ label, value, onChange, samples = [], rows = 4, placeholder, error, disabled, testId }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        placeholder={placeholder}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
        data-testid={testId}
      />
      <FieldError id={`${id}-error`}>{error}</FieldError>
      {samples.length > 0 && (
        <div className="chips" aria-label="Sample inputs">
          {samples.map((sample) => (
            <button key={sample} type="button" className="chip" onClick={() => onChange(sample)} disabled={disabled}>
              {sample.length > 48 ? `${sample.slice(0, 45)}…` : sample}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
