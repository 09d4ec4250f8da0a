import { useState, type ChangeEvent } from 'react';
import type { SharedReference } from '../../../store/session-slice';
import { compareWithReference, parseReference, type ReferenceCheck } from './reference-check';
import { FieldError } from '../../kit/FieldError/FieldError';

interface Props {
  /** The check of the current result against the task's reference, if it has one. */
  check: ReferenceCheck | undefined;
  /** Why the task's reference could not be compared with this result. */
  problem?: string;
  onReference(reference: SharedReference | undefined): void;
}

/** The result checked against a reference, or why it cannot be. */
export function checkAgainst(output: unknown, reference: SharedReference | undefined): { check?: ReferenceCheck; problem?: string } {
  if (!reference) return {};
  try {
    return { check: compareWithReference(output, reference.output, reference.source) };
  } catch (e) {
    return { problem: e instanceof Error ? e.message : String(e) };
  }
}

function formatDiff(value: number | null): string {
  if (value === null) return 'same';
  return value === 0 ? '0' : value < 1e-3 ? value.toExponential(1) : value.toFixed(4);
}

/** "Check against a reference…": loads a reference output and shows the largest difference per field. */
export function ReferenceCheckView({ check, problem, onReference }: Props) {
  const [fileError, setFileError] = useState<string | undefined>();
  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      onReference({ source: file.name, output: parseReference(await file.text()) });
      setFileError(undefined);
    } catch (e) {
      setFileError(e instanceof Error ? e.message : String(e));
    }
  };
  const error = fileError ?? problem;
  return (
    <div className="reference-check" data-testid="reference-check">
      <label className="file-button">
        Check against a reference…
        <input type="file" accept="application/json,.json" onChange={(e) => void load(e)} data-testid="reference-file" />
      </label>
      <FieldError testId="reference-error">{error}</FieldError>
      {(check || problem) && (
        <button type="button" className="secondary small-button" onClick={() => onReference(undefined)} data-testid="reference-remove">
          Remove reference
        </button>
      )}
      {check && (
        <>
          <span className={`badge ${check.pass ? 'ok' : 'fail'}`} data-testid="reference-badge" data-pass={check.pass}>
            {check.pass ? 'Matches the reference' : 'Differs from the reference'}
          </span>
          <table className="reference-table small">
            <caption className="muted">Largest difference per field{check.source ? ` — ${check.source}` : ''}</caption>
            <thead>
              <tr><th scope="col">field</th><th scope="col">largest difference</th><th scope="col">tolerance</th><th scope="col">result</th></tr>
            </thead>
            <tbody>
              {check.fields.map((f) => (
                <tr key={f.field} data-testid="reference-row" data-field={f.field} data-pass={f.pass}>
                  <td>{f.field}</td>
                  <td>{f.mismatch ?? formatDiff(f.largest)}</td>
                  <td>{f.largest === null ? 'equal' : f.tolerance}</td>
                  <td>{f.pass ? 'pass' : 'fail'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
