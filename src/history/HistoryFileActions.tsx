import { useRef, useState } from 'react';
import type { WireError } from '../protocol/messages';
import { toWire } from '../protocol/errors';
import { ErrorNotice } from '../ui/kit/ErrorNotice/ErrorNotice';
import { clearRuns, listRuns, putRuns } from './db';
import { HistoryFileError, MAX_IMPORT_BYTES, exportHistory, parseHistory } from './history-file';
import { useHistory } from './history-state';

function saveFile(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `model-playground-history-${new Date().toISOString().slice(0, 10)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Export, import and delete-all, with what each did (or why it could not) said next to its button. */
export function HistoryFileActions({ count }: { count: number }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [importError, setImportError] = useState<WireError>();
  const [message, setMessage] = useState<string>();
  const [confirmAll, setConfirmAll] = useState(false);

  const exportAll = async () => {
    saveFile(await exportHistory(await listRuns()));
    setMessage(`Exported ${count} run${count === 1 ? '' : 's'}.`);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setImportError(undefined);
    setMessage(undefined);
    try {
      if (file.size > MAX_IMPORT_BYTES) throw new HistoryFileError(`This file is ${Math.round(file.size / 1e6)} MB; a history file may be at most ${MAX_IMPORT_BYTES / 1e6} MB.`);
      const runs = parseHistory(await file.text());
      const dropped = await putRuns(runs);
      useHistory.getState().droppedRuns(dropped);
      setMessage(`Imported ${runs.length} run${runs.length === 1 ? '' : 's'} from ${file.name}.`);
    } catch (error) {
      setImportError(toWire(error));
    } finally {
      if (fileInput.current) fileInput.current.value = '';
      useHistory.getState().changed();
    }
  };
  const deleteAll = async () => {
    await clearRuns();
    setConfirmAll(false);
    setMessage('Deleted every kept run.');
    useHistory.getState().changed();
  };

  return (
    <div className="history-file-actions">
      <div className="history-buttons">
        <button type="button" className="secondary small-button" onClick={() => void exportAll()} disabled={count === 0} data-testid="history-export">Export</button>
        <button type="button" className="secondary small-button" onClick={() => fileInput.current?.click()} data-testid="history-import">Import…</button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={(e) => void importFile(e.target.files?.[0])} data-testid="history-import-file" aria-label="History file to import" />
        {confirmAll ? (
          <span className="history-confirm">
            Delete all {count}?{' '}
            <button type="button" className="danger small-button" onClick={() => void deleteAll()} data-testid="history-delete-all-confirm">Delete all</button>{' '}
            <button type="button" className="secondary small-button" onClick={() => setConfirmAll(false)}>Keep</button>
          </span>
        ) : (
          <button type="button" className="secondary small-button" onClick={() => setConfirmAll(true)} disabled={count === 0} data-testid="history-delete-all">Delete all</button>
        )}
      </div>
      {importError && <ErrorNotice error={importError} testId="history-import-error" />}
      {message && <p className="muted small" role="status" data-testid="history-file-message">{message}</p>}
    </div>
  );
}
