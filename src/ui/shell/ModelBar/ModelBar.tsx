import { MODEL_FIELD_ID } from '../hooks/useRun';
import { memo, useEffect, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findTask } from '../../../tasks/registry';
import { useApp, type AppState } from '../../../store';
import { useSession } from '../../../session/react';
import { modelFieldProblem as modelProblem } from '../../../models/model-field';
import { hostHeld } from '../../../store/link-host';
import { isLocalRef } from '../../../models/local-ref';
import { lazyDialog } from '../../kit/LazyDialog/LazyDialog';
import { ModelPlan } from '../ModelPlan/ModelPlan';
import { HostDefaultNotice, ModelSuggestions } from './ModelSuggestions';
import type { DeviceChoice, DtypeChoice } from '../../../protocol/messages';
import { FieldError } from '../../kit/FieldError/FieldError';

// The model browser (Hub search, local folders) is its own chunk, fetched when it first opens.
const ModelBrowser = lazyDialog(() => import('../ModelBrowser/ModelBrowser').then((m) => m.ModelBrowser));

const pick = (s: AppState) => ({
  task: s.task,
  model: s.modelByTask[s.task] ?? '',
  dtype: s.dtypeByTask[s.task] ?? 'auto',
  device: s.device,
  dtypes: s.dtypes,
  loading: s.load.status === 'loading',
  setModel: s.setModel,
  setDtype: s.setDtype,
  setDevice: s.setDevice,
});

function DtypeOptions({ report, modelKey }: { report: AppState['dtypes']; modelKey: string }) {
  if (!report || report.key !== modelKey) return null;
  if (report.status === 'checking') return <option disabled>checking…</option>;
  return (
    <>
      {report.available.map((dtype) => (
        <option key={dtype} value={dtype}>
          {dtype}
          {dtype === report.defaultDtype ? ' (model default)' : ''}
        </option>
      ))}
    </>
  );
}

export const ModelBar = memo(function ModelBar() {
  const [browsing, setBrowsing] = useState(false);
  const id = useId();
  const s = useApp(useShallow(pick));
  const host = useApp((st) => st.host);
  const revision = useApp((st) => st.revision);
  // A linked demo's host is checked once the user allows it.
  const held = useApp(hostHeld);
  const meta = findTask(s.task)?.meta;
  const fieldProblem = modelProblem(s.model);
  // An empty field gets no message of its own (the empty state says what to put there), but nothing to load either.
  const problem = s.model ? fieldProblem : undefined;
  const local = isLocalRef(s.model);
  const { cancelLoad, checkDtypes, checkPlan, currentSpec, loadModel } = useSession();
  const spec = currentSpec();
  const modelKey = `${spec.host}|${spec.model}|${spec.revision}`;

  // The checks themselves skip a field that cannot be asked for (session/spec.ts, unaskable).
  // Both in one task, so their "checking" states are one render; each skips a key it has already answered.
  useEffect(() => {
    const timer = setTimeout(() => {
      void checkDtypes();
      void checkPlan();
    }, 400);
    return () => clearTimeout(timer);
  }, [s.model, host, revision, s.dtype, s.device, s.task, held]);

  const canLoad = !fieldProblem;
  return (
    <section className="model-bar" aria-label="Model">
      <div className="field grow">
        <label htmlFor={MODEL_FIELD_ID}>Model</label>
        <input
          id={MODEL_FIELD_ID}
          value={s.model}
          onChange={(event) => s.setModel(event.target.value)}
          placeholder="organisation/model-name"
          spellCheck={false}
          aria-invalid={Boolean(problem)}
          data-testid="model-input"
        />
        <FieldError testId="model-id-error">{problem}</FieldError>
        {local && !problem && <p className="field-note" data-testid="local-note">Local folder: read from your disk, nothing is uploaded.</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-dtype`}>Precision</label>
        <select id={`${id}-dtype`} value={s.dtype} onChange={(e) => s.setDtype(e.target.value as DtypeChoice)} data-testid="dtype-select">
          <option value="auto">auto</option>
          <DtypeOptions report={s.dtypes} modelKey={modelKey} />
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-device`}>Device</label>
        <select id={`${id}-device`} value={s.device} onChange={(e) => s.setDevice(e.target.value as DeviceChoice)} data-testid="device-select">
          <option value="auto">auto</option>
          <option value="webgpu">WebGPU</option>
          <option value="wasm">WASM (CPU)</option>
        </select>
      </div>
      <div className="field actions">
        {s.loading ? (
          <button type="button" className="secondary" onClick={cancelLoad} data-testid="cancel-load">Cancel</button>
        ) : (
          <button type="button" onClick={() => void loadModel()} disabled={!canLoad} data-testid="load-button">Load</button>
        )}
      </div>
      {!meta?.ownLoader && (
        <div className="field actions">
          <button type="button" className="secondary" onClick={() => setBrowsing(true)} data-testid="browse-models">
            Browse models
          </button>
        </div>
      )}
      {/* The host's answer (the notice while asking, then the chips) comes before the plan, which grows when the
          check ends: that way the chips do not move down under it (a layout shift on every first screen). */}
      {meta && !meta.ownLoader && <HostDefaultNotice meta={meta} />}
      {meta && <ModelSuggestions meta={meta} model={s.model} onPick={s.setModel} />}
      {!meta?.ownLoader && <ModelPlan />}
      {browsing && <ModelBrowser onClose={() => setBrowsing(false)} />}
    </section>
  );
});
