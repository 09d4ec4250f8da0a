import { useApp } from '../../../store';
import { planKey, specOf } from '../../../session/spec';
import { useSession } from '../../../session/react';
import { LOCAL_HOST } from '../../../models/local-ref';
import type { ModelPlan as Plan, WireError } from '../../../protocol/messages';
import { formatBytes } from '../../format';
import { decoderFamilyOf } from '../../../models/decoder-family';
import { OnnxLabLink } from './OnnxLabLink';
import { loadErrorAboutModel, modelBarError } from './model-error';

/** What is wrong with the chosen model, found by the check or by a load: shown once, next to the model field. */
function ModelError({ error, fromLoad }: { error: WireError; fromLoad: boolean }) {
  return (
    <div className="plan-error" role="alert" data-testid={fromLoad ? 'load-error' : 'model-check-error'} data-error-name={error.name}>
      <span>{error.message}</span>
      {error.hint && <span className="muted"> {error.hint}</span>}
      {error.name === 'UnsupportedModelError' && <OnnxLabLink />}
    </div>
  );
}

function Summary({ plan, local }: { plan: Plan; local: boolean }) {
  const where = local
    ? `Reads ${formatBytes(plan.totalBytes)} from your disk; nothing is uploaded`
    : plan.downloadBytes === 0
      ? `In the browser cache (${formatBytes(plan.totalBytes)}): loads without downloading`
      : `Will download ${formatBytes(plan.downloadBytes)}${plan.downloadBytes < plan.totalBytes ? ` (${formatBytes(plan.totalBytes - plan.downloadBytes)} already cached)` : ''}`;
  return (
    <p className="plan-line">
      <strong data-testid="plan-download">{where}</strong>
      <span className="pill">{plan.files.length} files</span>
      <span className="pill">{plan.dtype} on {plan.device === 'webgpu' ? 'WebGPU' : 'WASM'}</span>
      <span className="pill ok" data-testid="plan-arch" title="This version of Transformers.js can run this architecture">
        {decoderFamilyOf(plan.modelType, plan.architectures)?.label ?? plan.modelType ?? 'unknown architecture'} ✓ supported
      </span>
      <span className="pill" data-testid="plan-memory" title="Rough estimate: weights × 1.5 plus parsed tokenizer files">
        needs ≈ {formatBytes(plan.memoryBytes)} memory
      </span>
    </p>
  );
}

function Confirm({ bytes, limitMB }: { bytes: number; limitMB: number }) {
  const setPendingConfirm = useApp((s) => s.setPendingConfirm);
  const { loadModel } = useSession();
  return (
    <div className="notice confirm" role="alertdialog" aria-label="Confirm download" data-testid="confirm-download">
      <strong>Download {formatBytes(bytes)}?</strong>
      <span className="notice-message">
        This is more than your {limitMB} MB limit (Settings). It is saved in the browser cache for next time.
      </span>
      <span className="confirm-actions">
        <button type="button" onClick={() => void loadModel({ confirmed: true })} data-testid="confirm-download-yes">
          Download {formatBytes(bytes)}
        </button>
        <button type="button" className="secondary" onClick={() => setPendingConfirm(undefined)}>
          Not now
        </button>
      </span>
    </div>
  );
}

/** What loading the chosen model will mean — files, size, precision, support, memory — before it starts. */
export function ModelPlan() {
  const report = useApp((s) => s.plan);
  const pending = useApp((s) => s.pendingConfirm);
  const limitMB = useApp((s) => s.confirmAboveMB);
  useApp((s) => s.modelByTask[s.task] + s.host + s.revision + s.device + (s.dtypeByTask[s.task] ?? ''));
  const spec = specOf(useApp.getState());
  const key = planKey(spec);
  const loadError = useApp((s) => loadErrorAboutModel(s.load, s.plan, key));
  const problem = modelBarError(report, loadError, key);
  if (!spec.model || (report?.key !== key && !problem)) return null;
  const local = spec.host === LOCAL_HOST;
  return (
    <div className="model-plan" data-testid="model-plan" data-status={report?.key === key ? report.status : 'error'}>
      {report?.status === 'checking' && !problem && <p className="muted small"><span className="spinner" /> Checking the model’s files…</p>}
      {problem && <ModelError {...problem} />}
      {report?.key === key && report.status === 'ready' && report.plan && (
        <>
          <Summary plan={report.plan} local={local} />
          <details className="plan-files">
            <summary>Files for {report.plan.dtype}</summary>
            <ul data-testid="plan-files">
              {report.plan.files.map((file) => (
                <li key={file.name}>
                  <code>{file.name}</code> <span className="muted">{file.size !== undefined ? formatBytes(file.size) : 'size unknown'}</span>
                  {file.cached && <span className="pill ok">cached</span>}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
      {pending?.key === key && <Confirm bytes={pending.bytes} limitMB={limitMB} />}
    </div>
  );
}
