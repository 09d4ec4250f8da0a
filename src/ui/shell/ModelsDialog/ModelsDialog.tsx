import { Fragment, useCallback, useEffect, useState } from 'react';
import {
  deleteAllCachedModels,
  deleteCachedModel,
  listCachedModels,
  requestPersistence,
  storageInfo,
  type CachedModel,
  type StorageInfo,
} from '../../../cache/model-cache';
import { HUB_HOST } from '../../../store/settings-slice';
import { ProgressBar } from '../../kit/ProgressBar/ProgressBar';
import { useApp } from '../../../store';
import { measuredKey, type MeasuredModel } from '../../../store/models-slice';
import { MemoryFigures } from '../../kit/MemoryFigures/MemoryFigures';
import { formatBytes } from '../../format';
import { Dialog } from '../../kit/Dialog/Dialog';

function when(time: number | undefined): string {
  if (!time) return 'not recorded';
  const minutes = Math.round((Date.now() - time) / 60000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return new Date(time).toLocaleDateString();
}

function hostLabel(host: string): string {
  return host === HUB_HOST ? 'Hugging Face Hub' : new URL(host).host;
}

function StorageBar({ info, onPersist }: { info: StorageInfo; onPersist(): void }) {
  const pct = info.usage !== undefined && info.quota ? Math.min(100, (info.usage / info.quota) * 100) : undefined;
  return (
    <div className="storage" data-testid="storage-info">
      <p>
        Storage used by this site: <strong>{info.usage !== undefined ? formatBytes(info.usage) : 'unknown'}</strong>
        {info.quota ? ` of ${formatBytes(info.quota)} available` : ''}
        {pct !== undefined ? ` (${pct.toFixed(pct < 1 ? 2 : 0)}%)` : ''}
      </p>
      {pct !== undefined && (
        <ProgressBar percent={pct} minFill={0.5} label="Storage used" />
      )}
      <p className="muted small">
        {info.persisted
          ? 'Storage is persistent: the browser will not evict these models when space runs low.'
          : 'The browser may evict cached models when the disk is nearly full.'}
        {!info.persisted && (
          <>
            {' '}
            <button type="button" className="link" onClick={onPersist} data-testid="persist-button">
              Ask to keep them
            </button>
          </>
        )}
      </p>
    </div>
  );
}

/** A model loaded in this session: what it measured, beside the estimate. */
function MeasuredLine({ entry }: { entry: MeasuredModel }) {
  return (
    <tr className="measured-row">
      <td colSpan={5} className="muted small">
        Memory when loaded this session ({entry.dtype}, {entry.device === 'webgpu' ? 'WebGPU' : 'WASM'}):{' '}
        <MemoryFigures memory={entry.memory} estimateBytes={entry.estimateBytes} device={entry.device} testId="cached-model-memory" />
      </td>
    </tr>
  );
}

/** The cache manager: every cached model with its size and last use; delete one or all. */
export function ModelsDialog({ onClose }: { onClose(): void }) {
  const [models, setModels] = useState<CachedModel[] | undefined>();
  const [info, setInfo] = useState<StorageInfo>({});
  const [message, setMessage] = useState<string | undefined>();
  const [confirmAll, setConfirmAll] = useState(false);
  const measured = useApp((s) => s.measured);

  const refresh = useCallback(async () => {
    try {
      const [list, storage] = await Promise.all([listCachedModels(), storageInfo()]);
      setModels(list);
      setInfo(storage);
    } catch (error) {
      setModels([]);
      setMessage(`The browser cache could not be read: ${(error as Error).message}`);
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const remove = async (model: CachedModel) => {
    await deleteCachedModel(model.prefix);
    setMessage(`Deleted ${model.model} (${formatBytes(model.bytes)}). It will download again the next time it is loaded.`);
    await refresh();
  };
  const removeAll = async () => {
    const total = (models ?? []).reduce((sum, m) => sum + m.bytes, 0);
    await deleteAllCachedModels();
    setConfirmAll(false);
    setMessage(`Deleted every cached model (${formatBytes(total)}).`);
    await refresh();
  };
  const persist = async () => {
    const granted = await requestPersistence();
    setMessage(granted ? 'The browser agreed to keep the cached models.' : 'The browser declined for now (it decides from how much the site is used).');
    await refresh();
  };
  const total = (models ?? []).reduce((sum, m) => sum + m.bytes, 0);

  return (
    <Dialog title="Cached models" onClose={onClose} closeButton className="wide" testId="models-dialog">
      <StorageBar info={info} onPersist={() => void persist()} />
      {message && <p className="notice" role="status" data-testid="models-message">{message}</p>}
      {models === undefined && <p className="muted"><span className="spinner" /> Reading the cache…</p>}
      {models?.length === 0 && <p className="muted" data-testid="cache-empty">No models are cached yet. A model is cached the first time it loads, and then loads offline.</p>}
      {models && models.length > 0 && (
        <>
          <table className="cache-table" data-testid="cache-table">
            <thead>
              <tr>
                <th>Model</th>
                <th>Files</th>
                <th className="num">Size</th>
                <th>Last used</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {models.map((model) => (
                <Fragment key={model.prefix}>
                <tr data-testid="cached-model" data-model={model.model}>
                  <td>
                    <strong className="mono">{model.model}</strong>
                    <div className="muted small">
                      {hostLabel(model.host)}
                      {model.revision !== 'main' ? ` · revision ${model.revision}` : ''}
                    </div>
                  </td>
                  <td title={model.files.map((f) => f.file).join('\n')}>{model.files.length}</td>
                  <td className="num">{formatBytes(model.bytes)}</td>
                  <td>{when(model.lastUsed)}</td>
                  <td>
                    <button type="button" className="secondary small-button" onClick={() => void remove(model)} aria-label={`Delete ${model.model}`}>
                      Delete
                    </button>
                  </td>
                </tr>
                {measured[measuredKey(model.host, model.model, model.revision)] && (
                  <MeasuredLine entry={measured[measuredKey(model.host, model.model, model.revision)]} />
                )}
                </Fragment>
              ))}
            </tbody>
          </table>
          <div className="dialog-actions">
            <span className="muted small grow-text">{models.length} model{models.length === 1 ? "" : "s"} · {formatBytes(total)} in all</span>
            {confirmAll ? (
              <>
                <span>Delete all {models.length}?</span>
                <button type="button" className="danger" onClick={() => void removeAll()} data-testid="delete-all-yes">Delete all</button>
                <button type="button" className="secondary" onClick={() => setConfirmAll(false)}>Keep them</button>
              </>
            ) : (
              <button type="button" className="secondary" onClick={() => setConfirmAll(true)} data-testid="delete-all">Delete all…</button>
            )}
          </div>
        </>
      )}
    </Dialog>
  );
}
