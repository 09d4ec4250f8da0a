import { memo } from 'react';
import { useApp } from '../../../store';
import { findTask } from '../../../tasks/registry';
import { planFor, planKey, specOf } from '../../../session/spec';
import { formatBytes, formatMs } from '../../format';
import { ErrorNotice } from '../../kit/ErrorNotice/ErrorNotice';
import { OnnxLabLink } from '../ModelPlan/OnnxLabLink';
import { MemoryFigures } from '../../kit/MemoryFigures/MemoryFigures';
import { ProgressBar } from '../../kit/ProgressBar/ProgressBar';
import { measuredKey } from '../../../store/models-slice';
import { loadErrorAboutModel } from '../ModelPlan/model-error';
import { decoderFamilyOf } from '../../../models/decoder-family';

const PHASE_TEXT = { download: 'Downloading', compile: 'Compiling', warmup: 'Warming up' } as const;

function Bar({ value, total, label }: { value: number; total: number; label: string }) {
  return <ProgressBar percent={total > 0 ? (value / total) * 100 : 0} label={label} />;
}

function Loading() {
  const load = useApp((s) => s.load);
  const files = Object.entries(load.files);
  const starting = (load.phase ?? 'download') === 'download' && load.total === 0 && files.length === 0;
  return (
    <div className="load-status loading" data-testid="load-status" data-phase={load.phase}>
      <div className="load-headline">
        <span className="spinner" aria-hidden="true" />
        {/* Before the first byte is known the worker is starting its runtime and looking up the files. */}
        <strong>{starting ? 'Preparing' : PHASE_TEXT[load.phase ?? 'download']}</strong> {load.spec?.model}
        <span className="muted">{starting ? ' — starting the runtime and finding the model’s files…' : ` ${formatBytes(load.loaded)} / ${formatBytes(load.total)}`}</span>
      </div>
      <Bar value={load.loaded} total={load.total} label="Total download" />
      {load.stalled && (
        <p className="notice notice-warn" role="status" data-testid="stall-notice">
          No data from {load.stalled} for 15 s — still waiting; Cancel or check your connection.
        </p>
      )}
      {files.length > 0 && (
        <ul className="file-progress">
          {files.map(([file, p]) => (
            <li key={file}>
              <code>{file}</code>
              <Bar value={p.loaded} total={p.total} label={file} />
              <span className="muted small">
                {formatBytes(p.loaded)} / {formatBytes(p.total)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Ready() {
  const { info, spec } = useApp((s) => s.load);
  const task = useApp((s) => s.task);
  const wanted = useApp((s) => (s.modelByTask[s.task] ?? '').trim());
  const estimate = useApp((s) => (spec ? s.measured[measuredKey(spec.host, spec.model, spec.revision)]?.estimateBytes : undefined));
  // What the loaded model is, when its family says more than its id (openPangu-Embedded loads as a Llama).
  const family = useApp((s) => {
    const plan = spec && planFor(s, spec);
    return plan && decoderFamilyOf(plan.modelType, plan.architectures)?.label;
  });
  if (!info || !spec) return null;
  const otherTask = spec.task !== task ? findTask(spec.task)?.meta.label : undefined;
  // Compare what would be loaded now (a local folder `local:x` loads as `local/x`) with what is loaded.
  const stale = spec.task !== task || spec.model !== specOf(useApp.getState()).model;
  return (
    <>
    <div className="load-status ready" data-testid="load-status" data-device={info.device} data-threads={info.threads} data-dtype={info.dtype} data-load-ms={Math.round(info.loadMs)} data-current={!stale}>
      <span className="dot ok" aria-hidden="true" />
      <strong>Ready</strong> <span className="mono">{spec.model}</span>
      {family && <span className="pill" data-testid="load-family">{family}</span>}
      <span className="pill" data-testid="ran-on">
        {info.device === 'webgpu' ? 'WebGPU' : `WASM · ${info.threads} thread${info.threads === 1 ? '' : 's'}`}
      </span>
      <span className="pill">{info.dtype}</span>
      <span className="pill">{formatBytes(info.bytes)}</span>
      <span className="pill" data-testid="load-time">
        loaded in {formatMs(info.loadMs)}
        {info.fromCache ? ' (from cache)' : ''}
      </span>
      <MemoryFigures memory={info.memory} estimateBytes={estimate} device={info.device} />
      {info.cacheWarning && (
        <p className="notice notice-warn" role="status" data-testid="cache-warning">
          {info.cacheWarning}
        </p>
      )}
      {info.fallbackReason && (
        <p className="field-note" data-testid="fallback-reason">
          Running on {info.device === 'webgpu' ? 'WebGPU' : 'WASM'}: {info.fallbackReason}.
        </p>
      )}
    </div>
    {stale && (
      <p className="field-note" data-testid="load-stale">
        {otherTask ? `This model was loaded for ${otherTask}. ` : ''}
        {wanted ? (
          <>
            <span className="mono">{wanted}</span> loads when you press Load or Run.
          </>
        ) : (
          'Choose a model for this task.'
        )}
      </p>
    )}
    </>
  );
}

export const LoadStatus = memo(function LoadStatus() {
  const load = useApp((s) => s.load);
  // Errors about the chosen model (not found, no ONNX weights, or what its check found too) are the model bar's.
  const shownInModelBar = useApp((s) => !findTask(s.task)?.meta.ownLoader && Boolean(loadErrorAboutModel(s.load, s.plan, planKey(specOf(s)))));
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'ready') return <Ready />;
  if (load.status === 'error' && load.error && !shownInModelBar) {
    return (
      <>
        <ErrorNotice error={load.error} testId="load-error" />
        {load.error.name === 'UnsupportedModelError' && <OnnxLabLink />}
      </>
    );
  }
  if (load.status === 'error') return <p className="muted small load-status idle" data-testid="load-status" data-phase="failed">Not loaded: the model bar above says why.</p>;
  if (load.notice) return <p className="notice" data-testid="load-notice">{load.notice}</p>;
  return <p className="muted small load-status idle" data-testid="load-status" data-phase="idle">No model loaded yet. Press Load, or just Run: the model loads first.</p>;
});
