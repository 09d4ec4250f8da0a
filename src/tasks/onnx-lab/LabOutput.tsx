import { formatCount, formatMs, formatPercent } from '../../ui/format';
import { HeatMapCanvas } from './HeatMapCanvas';
import type { LabOutput as Output, TensorSummary } from './lab-types';

const num = (v: number | string | undefined) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : v ?? '—');

function TensorCard({ t }: { t: TensorSummary }) {
  return (
    <article className="lab-tensor" data-testid="lab-output" data-name={t.name} data-dims={JSON.stringify(t.dims)} data-min={t.min} data-max={t.max} data-mean={t.mean}>
      <header>
        <strong className="mono">{t.name}</strong> <span className="mono muted">{t.type} [{t.dims.join(', ')}]</span>
        <span className="muted small"> · {formatCount(t.size)} values</span>
      </header>
      <dl className="lab-facts">
        <div><dt>min</dt><dd>{num(t.min)}</dd></div>
        <div><dt>max</dt><dd>{num(t.max)}</dd></div>
        <div><dt>mean</dt><dd>{num(t.mean)}</dd></div>
        <div><dt>std</dt><dd>{num(t.std)}</dd></div>
        {t.nonFinite > 0 && <div><dt>NaN/∞</dt><dd className="warn">{t.nonFinite}</dd></div>}
      </dl>
      <p className="mono small lab-first" data-testid="lab-first">first: {t.first.map(num).join(', ')}{t.size > t.first.length ? ', …' : ''}</p>
      {t.topk && (
        <div className="table-scroll">
          <table className="lab-table" data-testid="lab-topk">
            <caption>Top {t.topk.length} (looks like class scores)</caption>
            <thead><tr><th>index</th><th>score</th><th>probability</th></tr></thead>
            <tbody>
              {t.topk.map((k) => (
                <tr key={k.index} data-index={k.index}>
                  <td className="mono">{k.index}</td>
                  <td className="mono">{num(k.value)}</td>
                  <td>
                    <span className="lab-bar" style={{ width: `${Math.max(2, k.probability * 100)}%` }} /> {formatPercent(k.probability)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {t.heat && <HeatMapCanvas heat={t.heat} />}
    </article>
  );
}

export function LabOutput({ output }: { output: Output }) {
  if (output.action === 'providers') {
    return (
      <div className="table-scroll">
        <table className="lab-table" data-testid="lab-providers">
          <caption>Sessions for {output.modelName}</caption>
          <thead><tr><th>provider</th><th>result</th></tr></thead>
          <tbody>
            {output.providers?.map((p) => (
              <tr key={p.device} data-device={p.device} data-ok={p.ok}>
                <td>{p.device === 'webgpu' ? 'WebGPU' : 'WASM'}</td>
                <td>{p.ok ? `✓ session created in ${formatMs(p.ms)}` : <span className="warn">✗ {p.message}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div className="lab-result">
      <p className="muted small" data-testid="lab-run-summary">
        {output.modelName} on {output.device === 'webgpu' ? 'WebGPU' : 'WASM'} · run{' '}
        <strong data-testid="lab-run-ms" data-ms={output.runMs?.toFixed(2)} data-session-ms={output.sessionMs?.toFixed(2)}>{formatMs(output.runMs)}</strong>
        {output.sessionMs !== undefined && <> · session created in {formatMs(output.sessionMs)}</>} · inputs:{' '}
        {output.inputs?.map((i) => `${i.name} ${i.type}[${i.dims.join(', ')}] (${i.source === 'random' ? 'random' : 'given'})`).join(', ')}
      </p>
      {output.outputs?.map((t) => <TensorCard key={t.name} t={t} />)}
    </div>
  );
}
