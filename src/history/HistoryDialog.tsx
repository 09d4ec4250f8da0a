import { useEffect, useId, useMemo, useState } from 'react';
import { useSession } from '../session/react';
import { toWire } from '../protocol/errors';
import type { WireError } from '../protocol/messages';
import { findTask } from '../tasks/registry';
import { Dialog } from '../ui/kit/Dialog/Dialog';
import { ErrorNotice } from '../ui/kit/ErrorNotice/ErrorNotice';
import { deleteRun, listRuns } from './db';
import { HistoryCompare } from './HistoryCompare';
import { HistoryFileActions } from './HistoryFileActions';
import { HistoryItem } from './HistoryItem';
import { useHistory } from './history-state';
import type { HistoryRecord } from './record';

/** Every kept run, newest first, read again whenever a run is written, imported or deleted. */
function useRuns(): { runs?: HistoryRecord[]; error?: WireError } {
  const revision = useHistory((s) => s.revision);
  const [state, setState] = useState<{ runs?: HistoryRecord[]; error?: WireError }>({});
  useEffect(() => {
    let live = true;
    listRuns().then(
      (runs) => live && setState({ runs }),
      (error: unknown) => live && setState({ runs: [], error: toWire(error) }),
    );
    return () => {
      live = false;
    };
  }, [revision]);
  return state;
}

function matches(record: HistoryRecord, query: string, task: string, model: string): boolean {
  if (task && record.task !== task) return false;
  if (model && record.model !== model) return false;
  const q = query.trim().toLowerCase();
  return !q || record.model.toLowerCase().includes(q) || record.inputText.toLowerCase().includes(q);
}

function StorageNotices() {
  const { dropped, saveError, dismiss } = useHistory();
  if (!dropped && !saveError) return null;
  return (
    <div className="notice" role="status" data-testid="history-dropped">
      {dropped && <span>{dropped}</span>}
      {saveError && <span className="field-error">{saveError}</span>}
      <button type="button" className="link" onClick={dismiss}>Dismiss</button>
    </div>
  );
}

/** The history panel: search, filter, open in place, run again, compare two, delete, export and import. */
export function HistoryDialog({ onClose }: { onClose(): void }) {
  const session = useSession();
  const id = useId();
  const { runs, error } = useRuns();
  const [query, setQuery] = useState('');
  const [task, setTask] = useState('');
  const [model, setModel] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);
  const [actionError, setActionError] = useState<WireError>();
  const all = useMemo(() => runs ?? [], [runs]);
  const tasks = useMemo(() => [...new Set(all.map((r) => r.task))], [all]);
  const models = useMemo(() => [...new Set(all.filter((r) => !task || r.task === task).map((r) => r.model))], [all, task]);
  const shown = all.filter((r) => matches(r, query, task, model));
  const pair = selected.map((s) => all.find((r) => r.id === s)).filter((r): r is HistoryRecord => Boolean(r));

  const act = (action: () => Promise<void>, close: boolean) => {
    setActionError(undefined);
    action().then(
      () => close && onClose(),
      (err: unknown) => setActionError(toWire(err)),
    );
  };
  const remove = (record: HistoryRecord) => act(async () => {
    await deleteRun(record.id);
    setSelected((s) => s.filter((x) => x !== record.id));
    useHistory.getState().changed();
  }, false);
  const select = (record: HistoryRecord, on: boolean) => setSelected((s) => (on ? [...s.filter((x) => x !== record.id), record.id].slice(-2) : s.filter((x) => x !== record.id)));

  return (
    <Dialog title="History" onClose={onClose} closeButton className="wide history-dialog" testId="history-dialog">
      <StorageNotices />
      {error && <ErrorNotice error={error} testId="history-error" />}
      {comparing && pair.length === 2 ? (
        <HistoryCompare runs={[pair[0], pair[1]]} onClose={() => setComparing(false)} />
      ) : (
        <>
          <div className="history-filters">
            <input type="search" placeholder="Search models and inputs" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search the history" data-testid="history-search" />
            <select id={`${id}-task`} value={task} onChange={(e) => (setTask(e.target.value), setModel(''))} aria-label="Task" data-testid="history-task-filter">
              <option value="">All tasks</option>
              {tasks.map((t) => <option key={t} value={t}>{findTask(t)?.meta.label ?? t}</option>)}
            </select>
            <select id={`${id}-model`} value={model} onChange={(e) => setModel(e.target.value)} aria-label="Model" data-testid="history-model-filter">
              <option value="">All models</option>
              {models.map((m) => <option key={m} value={m}>{m}</option>)}
            </select>
            <button type="button" className="small-button" disabled={pair.length !== 2} onClick={() => setComparing(true)} data-testid="history-compare-button" title="Tick two runs to compare them">
              Compare {pair.length}/2
            </button>
          </div>
          {actionError && <ErrorNotice error={actionError} testId="history-action-error" />}
          {runs && all.length === 0 && <p className="muted" data-testid="history-empty">No runs kept yet. Every run is kept here, in this browser, when it ends.</p>}
          {all.length > 0 && shown.length === 0 && <p className="muted">No run matches.</p>}
          <ul className="history-list" data-testid="history-list">
            {shown.map((record) => (
              <HistoryItem
                key={record.id}
                record={record}
                selected={selected.includes(record.id)}
                onOpen={() => act(() => session.openRun(record), true)}
                onRerun={() => act(() => session.rerun(record), true)}
                onDelete={() => remove(record)}
                onSelect={(on) => select(record, on)}
              />
            ))}
          </ul>
          <HistoryFileActions count={all.length} />
        </>
      )}
    </Dialog>
  );
}
