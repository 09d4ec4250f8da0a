import { useEffect, useMemo, useRef } from 'react';
import './compare.css';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useSession } from '../session/react';
import type { LiveRunner, TaskMeta, TaskView } from '../tasks/types';
import { PanelBoundary } from '../ui/kit/PanelBoundary/PanelBoundary';
import { Arena } from './Arena';
import { ColumnEditor } from './ColumnEditor';
import { ColumnOutput } from './ColumnOutput';
import { CompareTable } from './CompareTable';
import { compareKey, differsFromFirst } from './compare-key';
import { columnsFor, useCompare, workspaceColumn } from './compare-store';
import { CompareExport } from './CompareExport';
import { MAX_COLUMNS, MAX_RUNS, MIN_COLUMNS, type ColumnResult, type CompareColumn } from './types';
import { own } from '../protocol/own';

export const COLUMN_NAMES = ['A', 'B', 'C', 'D'];
const NO_RESULTS: ColumnResult[] = [];
const NO_COLUMNS: CompareColumn[] = [];
const ARENA_TASKS = new Set(['chat', 'text-generation']);
/** Frames from a camera are not compared: the input editor is given a runner that says so. */
const NO_LIVE: LiveRunner = { run: () => Promise.reject(new Error('Compare runs the picture, not camera frames.')), busy: () => true };

interface Props {
  meta: TaskMeta;
  view: TaskView;
}

function useCompareRun(task: string, columns: CompareColumn[]) {
  const { runCompare, stopCompare } = useSession();
  const runs = useCompare((s) => s.runs);
  // Compare closed (or another task opened): the column in flight is stopped, the rest skipped.
  useEffect(() => () => stopCompare(), [stopCompare, task]);
  const run = () => {
    const { started, columnUpdate, finished, running } = useCompare.getState();
    // Ctrl+Enter or a composer's Enter while the columns run: one compare at a time.
    if (running) return;
    started(task, columns.length);
    void runCompare({ task, columns, runs }, columnUpdate).finally(finished);
  };
  // Ctrl/⌘+Enter runs every column, as it runs the task in Single mode.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) runRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const runRef = useRef(run);
  runRef.current = run;
  return { run, stop: stopCompare };
}

/** Compare mode: one input, 2–4 columns each with its own configuration, their outputs and figures side by side. */
export function CompareView({ meta, view }: Props) {
  const task = meta.id;
  const app = useApp(useShallow((s) => ({ input: s.inputByTask[task], setInput: s.setInput, caps: s.caps, model: s.modelByTask[task] ?? '', params: s.paramsByTask[task] ?? {} })));
  const c = useCompare(useShallow((s) => ({ stored: own(s.columnsByTask, task), runs: s.runs, results: s.resultTask === task ? s.results : NO_RESULTS, running: s.running })));
  const { setColumns, setRuns } = useCompare.getState();
  // Until the user sets them up, a task's columns are two copies of the workspace's configuration.
  useEffect(() => {
    if (!c.stored) setColumns(task, columnsFor(useCompare.getState(), task));
  }, [c.stored, setColumns, task]);
  const columns = c.stored ?? NO_COLUMNS;
  const { run, stop } = useCompareRun(task, columns);
  const input = app.input ?? view.defaultInput;
  const keys = useMemo(() => columns.map((_, i) => (c.results[i]?.status === 'done' ? compareKey(task, c.results[i].output) : undefined)), [columns, c.results, task]);
  const differs = differsFromFirst(keys);
  const Input = view.Input;
  const update = (i: number, next: CompareColumn) => setColumns(task, columns.map((col, j) => (j === i ? next : col)));
  if (columns.length < MIN_COLUMNS) return null;
  return (
    <div className="compare" data-testid="compare" data-running={c.running}>
      <p className="muted compare-note" data-testid="compare-note">
        Columns run one at a time in one worker, so only one model is in memory at a time. A column with its own thread count
        runs in a fresh worker started with that many WASM threads (the app’s worker is restarted afterwards). Every column
        starts cold: the model the worker holds is unloaded first, even when it is the same one, so load times are real loads
        and no kept chat cache shortens a time to first token.
      </p>
      <section className="pane input-pane" aria-label="Input">
        <PanelBoundary onError={() => app.setInput(undefined)}>
          <Input value={input} onChange={app.setInput} disabled={c.running} live={NO_LIVE} model={app.model} params={app.params} caps={app.caps} onRun={run} />
        </PanelBoundary>
        <div className="compare-actions">
          <label className="compare-runs">
            Runs per column
            <input type="number" min={1} max={MAX_RUNS} value={c.runs} onChange={(e) => setRuns(Number(e.target.value))} disabled={c.running} data-testid="compare-runs" />
          </label>
          {c.running ? (
            <button type="button" onClick={stop} data-testid="compare-stop">Stop</button>
          ) : (
            <button type="button" className="primary" onClick={run} data-testid="compare-run">Run all columns</button>
          )}
          <button type="button" className="secondary" onClick={() => setColumns(task, [...columns, workspaceColumn(task)])} disabled={c.running || columns.length >= MAX_COLUMNS} data-testid="compare-add">
            Add column
          </button>
          <CompareExport meta={meta} columns={columns} results={c.results} differs={differs} names={COLUMN_NAMES} input={input} />
        </div>
      </section>
      <div className="compare-columns" data-count={columns.length}>
        {columns.map((column, i) => (
          <section key={i} className={`compare-column${differs[i] ? ' differs' : ''}`} aria-label={`Column ${COLUMN_NAMES[i]}`} data-testid={`compare-column-${i}`}>
            <ColumnEditor
              meta={meta}
              column={column}
              name={COLUMN_NAMES[i]}
              disabled={c.running}
              onChange={(next) => update(i, next)}
              onRemove={columns.length > MIN_COLUMNS ? () => setColumns(task, columns.filter((_, j) => j !== i)) : undefined}
            />
            <ColumnOutput
              view={view}
              column={column}
              result={c.results[i]}
              name={COLUMN_NAMES[i]}
              reference={keys[0]}
              compareKey={keys[i]}
              differs={differs[i]}
              onParamsChange={(params) => update(i, { ...column, params })}
            />
          </section>
        ))}
      </div>
      <CompareTable columns={columns} results={c.results} names={COLUMN_NAMES} differs={differs} />
      {ARENA_TASKS.has(task) && <Arena columns={columns} results={c.results} />}
    </div>
  );
}
