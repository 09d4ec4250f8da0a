import { useEffect, useState } from 'react';
import { findTask } from '../tasks/registry';
import { formatMs } from '../ui/format';
import { isStoredImage, type HistoryRecord } from './record';
import { outputSummary } from './summary';

/** A kept picture's thumbnail; its object URL lives as long as the row. */
export function Thumb({ blob, name }: { blob?: Blob; name: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return;
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url ? <img className="history-thumb" src={url} alt={name} width={48} height={48} /> : null;
}

function pictureOf(input: unknown) {
  if (isStoredImage(input)) return input;
  const image = (input as { image?: unknown } | null)?.image;
  return isStoredImage(image) ? image : undefined;
}

interface Props {
  record: HistoryRecord;
  selected: boolean;
  onOpen(): void;
  onRerun(): void;
  onDelete(): void;
  onSelect(selected: boolean): void;
}

export function HistoryItem({ record, selected, onOpen, onRerun, onDelete, onSelect }: Props) {
  const picture = pictureOf(record.input);
  const label = findTask(record.task)?.meta.label ?? record.task;
  return (
    <li className={`history-item ${record.status}`} data-testid="history-item" data-task={record.task} data-model={record.model} data-status={record.status}>
      <label className="history-select" title="Select two runs to compare them">
        <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={`Compare the run of ${record.model} at ${new Date(record.time).toLocaleString()}`} />
      </label>
      {picture && <Thumb blob={picture.thumbnail} name={picture.name} />}
      <div className="history-body">
        <div className="history-head">
          <strong>{label}</strong> <span className="mono small">{record.model}</span>
          <span className="muted small">
            {' '}· {new Date(record.time).toLocaleString()}
            {record.ran ? ` · ${record.ran.device === 'webgpu' ? 'WebGPU' : 'WASM'} ${record.ran.dtype}` : ''}
            {record.stats ? ` · ${formatMs(record.stats.latencyMs)}` : ''}
          </span>
        </div>
        <div className="history-input small" data-testid="history-input">{record.inputText || '(no text input)'}</div>
        <div className={`history-output small${record.status === 'error' ? ' field-error' : ''}`} data-testid="history-output">
          → {outputSummary(record)}
        </div>
      </div>
      <div className="history-actions">
        <button type="button" className="secondary small-button" onClick={onOpen} data-testid="history-open">Open</button>
        <button type="button" className="secondary small-button" onClick={onRerun} data-testid="history-rerun">Run again</button>
        <button type="button" className="secondary small-button" onClick={onDelete} data-testid="history-delete" aria-label={`Delete this run of ${record.model}`}>Delete</button>
      </div>
    </li>
  );
}
