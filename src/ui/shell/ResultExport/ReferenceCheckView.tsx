import { useState, type ChangeEvent } from 'react';
import { compareWithReference, parseReference, type ReferenceCheck } from './reference-check';

interface Props {
  output: unknown;
  check: ReferenceCheck | undefined;
  onCheck(check: ReferenceCheck | undefined): void;
}

function formatDiff(value: number | null): string {
  if (value === null) return '—';
  return value === 0 ? '0' : value < 1e-3 ? value.toExponential(1) : value.toFixed(4);
}

/** "Check against a reference…": loads a reference output and shows the largest difference per field. */
export function ReferenceCheckView({ output, check, onCheck }: Props) {
  const [error, setError] = useState<string | undefined>();
  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      onCheck(compareWithReference(output, parseReference(await file.text()), file.name));
      setError(undefined);
    } catch (e) {
      onCheck(undefined);
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="reference-check" data-testid="reference-check">
      <label className="file-button">
        Check against a reference…
        <input type="file" accept="application/json,.json" onChange={(e) => void load(e)} data-testid="reference-file" />
      </label>
      {error && <p className="field-error" role="alert" data-testid="reference-error">{error}</p>}
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
                  <td>{f.tolerance}</td>
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
