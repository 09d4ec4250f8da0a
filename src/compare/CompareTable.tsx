import { bestIndex, visibleRows } from './figures';
import type { CompareColumn, ColumnResult } from './types';

interface Props {
  columns: CompareColumn[];
  results: ColumnResult[];
  names: string[];
  differs: boolean[];
}

const STATUS_TEXT: Record<ColumnResult['status'], string> = { waiting: 'waiting', loading: 'loading', running: 'running', done: 'done', error: 'failed', stopped: 'stopped' };

/** How each column ran, as the table and the PNG export show it. */
export function ranOn(result: ColumnResult | undefined): string {
  const l = result?.loaded;
  if (!l) return '—';
  return `${l.device === 'wasm' ? `WASM ×${l.threads}` : 'WebGPU'} · ${l.dtype}`;
}

/** The figures side by side; the best of each row is marked (★ and bold), outputs that differ flagged. */
export function CompareTable({ columns, results, names, differs }: Props) {
  const rows = visibleRows(results);
  return (
    <div className="compare-table-wrap">
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            {columns.map((c, i) => (
              <th scope="col" key={i} className={differs[i] ? 'differs' : undefined}>
                {names[i]} <span className="compare-model-name">{c.model}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Status</th>
            {columns.map((_, i) => (
              <td key={i} data-testid="compare-status">{STATUS_TEXT[results[i]?.status ?? 'waiting']}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Ran on</th>
            {columns.map((_, i) => (
              <td key={i} data-testid="compare-ran-on">{ranOn(results[i])}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Output</th>
            {columns.map((_, i) => (
              <td key={i} className={differs[i] ? 'differs' : undefined}>{results[i]?.status !== 'done' ? '—' : i === 0 ? 'reference' : differs[i] ? 'differs from A' : 'same as A'}</td>
            ))}
          </tr>
          {rows.map((row) => {
            const best = bestIndex(row, results);
            return (
              <tr key={row.key} data-row={row.key}>
                <th scope="row">{row.label}</th>
                {columns.map((_, i) => {
                  const value = results[i] ? row.value(results[i]) : undefined;
                  return (
                    <td key={i} className={best === i ? 'best' : undefined} data-best={best === i || undefined}>
                      {value === undefined ? '—' : row.format(value)}
                      {best === i && <span className="best-mark" aria-label="best"> ★</span>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
