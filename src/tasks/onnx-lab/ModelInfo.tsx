import type { Capabilities } from '../../protocol/messages';
import { formatBytes } from '../../ui/format';
import { formatShape, type OnnxInfo, type ValueInfo } from './onnx-reader';


function IoTable({ title, values, testId }: { title: string; values: ValueInfo[]; testId: string }) {
  return (
    <div className="table-scroll">
      <table className="lab-table" data-testid={testId}>
        <caption>{title}</caption>
        <thead>
          <tr><th>name</th><th>type</th><th>shape</th></tr>
        </thead>
        <tbody>
          {values.map((v) => (
            <tr key={v.name} data-name={v.name} data-shape={formatShape(v.shape)}>
              <td className="mono">{v.name}</td>
              <td className="mono">{v.type}</td>
              <td className="mono">
                {v.shape ? (
                  <>
                    [{v.shape.map((d, i) => (
                      <span key={i}>
                        {i > 0 && ', '}
                        {typeof d === 'string' ? <em className="sym" title="symbolic dimension">{d}</em> : d ?? '?'}
                      </span>
                    ))}]
                  </>
                ) : 'unknown'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Header facts, opsets, operators used, IO, and which execution providers this browser offers. */
export function ModelInfo({ info, size, onCheckProviders, disabled, caps }: { info: OnnxInfo; size: number; onCheckProviders(): void; disabled: boolean; caps: Capabilities | undefined }) {
  const ops = Object.entries(info.ops).sort((a, b) => b[1] - a[1]);
  const gpu = caps?.webgpu;
  return (
    <div className="lab-info" data-testid="lab-model-info">
      <dl className="lab-facts">
        <div><dt>Size</dt><dd data-testid="lab-size">{formatBytes(size)}</dd></div>
        <div><dt>IR version</dt><dd data-testid="lab-ir">{info.irVersion}</dd></div>
        <div><dt>Producer</dt><dd data-testid="lab-producer">{[info.producerName, info.producerVersion].filter(Boolean).join(' ') || '—'}</dd></div>
        <div>
          <dt>Opset</dt>
          <dd data-testid="lab-opset">{info.opsets.map((o) => `${o.domain || 'ai.onnx'} ${o.version}`).join(' · ')}</dd>
        </div>
        <div><dt>Graph</dt><dd>{info.nodeCount} nodes, {info.initializerCount} weights</dd></div>
      </dl>
      <IoTable title="Inputs" values={info.inputs} testId="lab-inputs" />
      <IoTable title="Outputs" values={info.outputs} testId="lab-outputs" />
      <details className="lab-ops">
        <summary>{ops.length} operator types</summary>
        <p className="mono small">{ops.map(([op, n]) => `${op}×${n}`).join('  ')}</p>
        {Object.keys(info.metadata).length > 0 && (
          <dl className="lab-facts">
            {Object.entries(info.metadata).map(([k, v]) => <div key={k}><dt>{k}</dt><dd className="mono">{v.slice(0, 300)}</dd></div>)}
          </dl>
        )}
      </details>
      <div className="lab-providers-offer" data-testid="lab-providers-offer">
        <span>Execution providers:</span>
        <span className="pill">WASM ✓</span>
        <span className="pill" data-testid="lab-webgpu-offer">
          WebGPU {gpu?.available ? `✓${gpu.fallbackAdapter ? ' (software adapter)' : ''}` : `✗ ${gpu?.reason ?? 'no adapter'}`}
        </span>
        <button type="button" className="link" onClick={onCheckProviders} disabled={disabled} data-testid="lab-check-providers">
          Test a session on each
        </button>
      </div>
    </div>
  );
}
