import { useId } from 'react';
import { DTYPES, type DeviceChoice, type DtypeChoice } from '../protocol/messages';
import { modelFieldProblem } from '../models/model-field';
import { ParamsPanel } from '../ui/kit/ParamsPanel/ParamsPanel';
import type { TaskMeta } from '../tasks/types';
import { THREAD_CHOICES, type CompareColumn } from './types';
import { FieldError } from '../ui/kit/FieldError/FieldError';

interface Props {
  meta: TaskMeta;
  column: CompareColumn;
  name: string;
  disabled: boolean;
  onChange(next: CompareColumn): void;
  onRemove?(): void;
}

const DEVICES: DeviceChoice[] = ['auto', 'wasm', 'webgpu'];

/** One column's configuration: model, precision, device, WASM threads and the task's parameters. */
export function ColumnEditor({ meta, column, name, disabled, onChange, onRemove }: Props) {
  const id = useId();
  const set = (patch: Partial<CompareColumn>) => onChange({ ...column, ...patch });
  const problem = column.model.trim() ? modelFieldProblem(column.model.trim()) : 'Type a model id.';
  return (
    <fieldset className="compare-config" disabled={disabled}>
      <legend>Column {name}</legend>
      <label htmlFor={`${id}-model`}>Model</label>
      <input
        id={`${id}-model`}
        className="model-input"
        list={`${id}-models`}
        value={column.model}
        onChange={(e) => set({ model: e.target.value })}
        spellCheck={false}
        aria-invalid={Boolean(problem)}
        data-testid="compare-model"
      />
      <datalist id={`${id}-models`}>
        {meta.models.map((m) => (
          <option key={m.id} value={m.id} />
        ))}
      </datalist>
      <FieldError>{problem}</FieldError>
      <div className="compare-selects">
        <label>
          Precision
          <select value={column.dtype} onChange={(e) => set({ dtype: e.target.value as DtypeChoice })} data-testid="compare-dtype">
            {['auto', ...DTYPES].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          Device
          <select value={column.device} onChange={(e) => set({ device: e.target.value as DeviceChoice })} data-testid="compare-device">
            {DEVICES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label title="onnxruntime's WASM threads; a different count starts a fresh worker for this column">
          Threads
          <select value={column.threads ?? ''} onChange={(e) => set({ threads: e.target.value ? Number(e.target.value) : undefined })} data-testid="compare-threads">
            <option value="">app setting</option>
            {THREAD_CHOICES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </div>
      {meta.params.length > 0 && (
        <details className="compare-params">
          <summary>Parameters</summary>
          <ParamsPanel specs={meta.params} values={column.params} onChange={(params) => set({ params })} hidden={meta.viewParams} />
        </details>
      )}
      {onRemove && (
        <button type="button" className="link" onClick={onRemove} data-testid="compare-remove">
          Remove column {name}
        </button>
      )}
    </fieldset>
  );
}
