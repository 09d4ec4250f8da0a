import { formatMs } from '../ui/format';
import type { HistoryRecord } from './record';
import { outputDetail, outputSummary } from './summary';

const ROWS: { label: string; value(r: HistoryRecord): string }[] = [
  { label: 'Model', value: (r) => r.model },
  { label: 'When', value: (r) => new Date(r.time).toLocaleString() },
  { label: 'Ran on', value: (r) => (r.ran ? `${r.ran.device === 'webgpu' ? 'WebGPU' : `WASM · ${r.ran.threads} threads`} · ${r.ran.dtype}` : '—') },
  { label: 'Input', value: (r) => r.inputText || '—' },
  { label: 'Result', value: outputSummary },
  { label: 'Latency', value: (r) => formatMs(r.stats?.latencyMs) },
  { label: 'First token', value: (r) => formatMs(r.stats?.ttftMs) },
  { label: 'Tokens/s', value: (r) => (r.stats?.tokensPerSecond !== undefined ? r.stats.tokensPerSecond.toFixed(1) : '—') },
  { label: 'Parameters', value: (r) => JSON.stringify(r.params) },
];

/** Two kept runs side by side: their settings, outputs and figures, rows that differ marked. */
export function HistoryCompare({ runs, onClose }: { runs: [HistoryRecord, HistoryRecord]; onClose(): void }) {
  return (
    <section className="history-compare" data-testid="history-compare" aria-label="Two runs side by side">
      <div className="history-compare-head">
        <strong>Side by side</strong>
        <button type="button" className="secondary small-button" onClick={onClose}>Back to the list</button>
      </div>
      <div className="table-scroll">
        <table className="history-compare-table">
          <tbody>
            {ROWS.map((row) => {
              const [a, b] = runs.map(row.value);
              return (
                <tr key={row.label} className={a !== b ? 'differs' : undefined} data-differs={a !== b}>
                  <th scope="row">{row.label}</th>
                  <td>{a}</td>
                  <td>{b}</td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">Output</th>
              {runs.map((r) => (
                <td key={r.id}>
                  <pre className="history-detail">{outputDetail(r)}</pre>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
