import { useEffect, useMemo, useState, type ComponentType } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findTask } from '../../tasks/registry';
import { useApp, type AppState } from '../../store';
import { partialOf, shownRun } from '../../store/runs-slice';
import { useSession } from '../../session/react';
import { checkedModel } from '../../session/spec';
import { useRun } from '../shell/hooks/useRun';
import { isOneShot, type LiveRunner, type OutputProps } from '../../tasks/types';
import { useTaskView } from '../hooks/useTaskView';
import { ErrorNotice } from '../kit/ErrorNotice/ErrorNotice';
import { LoadStatus } from '../shell/LoadStatus/LoadStatus';
import { ModelBar } from '../shell/ModelBar/ModelBar';
import { ParamsPanel } from '../kit/ParamsPanel/ParamsPanel';
import { RunBar, RunStats } from '../shell/RunBar/RunBar';
import { ResultExport } from '../shell/ResultExport/ResultExport';
import { PanelBoundary } from '../kit/PanelBoundary/PanelBoundary';
import { WORKSPACE_ID } from './narrow';
import { CompareToggle, LazyCompareView, compareOpen, useCompareOpen } from './CompareMode';

const pick = (s: AppState) => ({
  ...checkedModel(s),
  task: s.task,
  input: s.inputByTask[s.task],
  params: s.paramsByTask[s.task] ?? {},
  model: s.modelByTask[s.task] ?? '',
  caps: s.caps,
  run: s.run,
  setInput: s.setInput,
  setParams: s.setParams,
});

function useRunShortcut(runTask: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // In Compare mode the shortcut is Compare's: a workspace Run would load a second model beside its columns.
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && useApp.getState().run.status !== 'running' && !compareOpen()) runTask();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runTask]);
}

/** What a panel that failed to render dropped: shown until the next run, on the task it happened on. */
interface Dropped {
  what: 'result' | 'input';
  task: string;
  seq: number;
  /** Changes each time, so the failed panel is tried again with what replaced the dropped value. */
  attempt: number;
  reason: string;
}

/**
 * A saved or fresh value that makes its panel throw is removed from the store (and so from the saved
 * visit: a reload is clean), and the panel is shown again without it; the rest of the page keeps working.
 */
function useDropOnError() {
  const [dropped, setDropped] = useState<Dropped>();
  const drop = (what: Dropped['what']) => (error: Error) => {
    const state = useApp.getState();
    // The last result, drawn stale under a run still going: that run goes on, and its own result replaces it.
    if (what === 'result' && state.run.status === 'running' && state.run.stale) return state.dropStale();
    if (what === 'result') state.clearRun();
    else state.setInputFor(state.task, undefined);
    setDropped((prev) => ({ what, task: state.task, seq: useApp.getState().run.seq, attempt: (prev?.attempt ?? 0) + 1, reason: error.message.slice(0, 300) }));
  };
  return { dropped, dropResult: drop('result'), dropInput: drop('input') };
}

function DroppedNotice({ dropped }: { dropped: Dropped }) {
  return (
    <div className="notice notice-error" role="alert" data-testid={`${dropped.what}-dropped`}>
      <strong>{dropped.what === 'result' ? 'This result could not be shown and was cleared.' : 'This input could not be shown and was reset.'}</strong>
      <span className="notice-hint">The rest of the app still works: run the model again, or pick another model. ({dropped.reason})</span>
    </div>
  );
}

/** Live camera frames: the current task's model, outside the run history, after any Run from the button. */
function useLiveRunner(): LiveRunner {
  const { runLive } = useSession();
  return useMemo(() => ({ run: async (input) => (await runLive(input)).output, busy: () => useApp.getState().run.status === 'running' }), [runLive]);
}

/**
 * The task's output with the run's latest partial: the one part of the page that reads it, so a streamed token
 * renders this (and the output inside it) alone, not the workspace around it.
 */
function Streaming({ Output, streams, ...props }: { Output: ComponentType<OutputProps>; streams: boolean } & Omit<OutputProps, 'partial'>) {
  const partial = useApp((s) => (streams ? partialOf(s) : undefined));
  return <Output {...props} partial={partial} />;
}

export function Workspace() {
  const s = useApp(useShallow(pick));
  const view = useTaskView(s.task);
  const meta = findTask(s.task)?.meta;
  const runTask = useRun();
  const live = useLiveRunner();
  useRunShortcut(runTask);
  const { dropped, dropResult, dropInput } = useDropOnError();
  const comparable = Boolean(view && !view.ownModelSource);
  const comparing = useCompareOpen() && comparable;
  const header = meta && (
    <header className="task-header">
      <h1>{meta.label}</h1>
      <p className="muted">{meta.summary}</p>
      {comparable && <CompareToggle />}
    </header>
  );
  // Nothing until the task's chunk is there: painting the title first made the workspace shift (Lighthouse CLS).
  if (!view || !meta) return <main id={WORKSPACE_ID} tabIndex={-1} className="workspace" aria-busy="true" />;

  if (comparing) {
    return (
      <main id={WORKSPACE_ID} tabIndex={-1} className="workspace">
        {header}
        <LazyCompareView meta={meta} view={view} />
      </main>
    );
  }
  const input = s.input ?? view.defaultInput;
  // What the page draws: a short one-shot run is not drawn as running (runs-slice.ts, shownRun).
  const run = shownRun(s.run);
  // The real status of this task's run, drawn or not: on the output pane for tests and assistive tech.
  const status = s.run.task === s.task ? s.run.status : 'idle';
  const runHere = run.task === s.task;
  // A one-shot run shown as running draws the result it started over, dimmed, until its own comes (runs-slice.ts
  // keeps it only then, and only of the run's own task).
  const stale = runHere ? run.stale : undefined;
  const drawn = stale ?? run;
  // The run itself is what the output draws, running: its partials stream into it.
  const drawnRunning = runHere && !stale && run.status === 'running';
  const inputError = runHere && run.status === 'error' && run.errorAt === 'input' ? run.error : undefined;
  const runError = runHere && run.status === 'error' && run.errorAt === 'run' ? run.error : undefined;
  const Output = view.Output;
  const Input = view.Input;
  // What every panel is given instead of reading the store (tasks/types.ts, PanelContext).
  const context = { model: s.model, params: s.params, caps: s.caps, family: s.family, modelType: s.modelType };
  const droppedHere = dropped?.task === s.task && dropped.seq === run.seq ? dropped : undefined;
  const attempt = dropped?.attempt ?? 0;
  return (
    <main id={WORKSPACE_ID} tabIndex={-1} className="workspace">
      {header}
      {!view.ownModelSource && <ModelBar />}
      {!view.ownModelSource && <LoadStatus />}
      <div className="panes">
        <section className="pane input-pane" aria-label="Input">
          {droppedHere?.what === 'input' && <DroppedNotice dropped={droppedHere} />}
          <PanelBoundary key={`${s.task}:${attempt}`} onError={dropInput}>
          <Input
            value={input}
            onChange={s.setInput}
            error={inputError ? [inputError.message, inputError.hint].filter(Boolean).join(' ') : undefined}
            disabled={run.status === 'running'}
            onRun={runTask}
            live={live}
            {...context}
          />
          </PanelBoundary>
          <ParamsPanel specs={meta.params} values={s.params} onChange={s.setParams} hidden={meta.viewParams} />
          <RunBar label={view.runLabel} />
        </section>
        <section className="pane output-pane" aria-label="Output" data-testid="output" data-status={status} data-run-seq={s.run.seq} aria-busy={status === 'running'}>
          <div className="pane-head">
            <h2 className="pane-title">Output</h2>
            {/* Beside the title, where it moves nothing: the last result stays where it was (see `stale`). */}
            {runHere && run.status === 'running' && isOneShot(view) && (
              <span className="muted running-note">
                <span className="spinner" /> Running…
              </span>
            )}
          </div>
          {runError && <ErrorNotice error={runError} testId="run-error" />}
          {droppedHere?.what === 'result' && <DroppedNotice dropped={droppedHere} />}
          {view.alwaysShowOutput || (runHere && (run.status === 'running' || run.status === 'done')) ? (
            // The same element with or without a stale result, so the stale one stays mounted as it was drawn. A
            // stale result is inert: not the current one, so nothing in it can be used or read out meanwhile.
            <div className={stale ? 'stale-output' : 'run-output'} data-stale={stale ? true : undefined} inert={stale ? true : undefined}>
              <PanelBoundary key={`${s.task}:${drawn.seq}:${attempt}`} onError={dropResult}>
              <Streaming
                Output={Output}
                streams={drawnRunning}
                input={runHere ? drawn.input : input}
                output={runHere && drawn.status === 'done' ? drawn.output : undefined}
                {...context}
                onParamsChange={s.setParams}
                value={input}
                onChange={s.setInput}
                onRun={runTask}
                running={drawnRunning}
              />
              </PanelBoundary>
            </div>
          ) : (
            !runError && !droppedHere && <p className="muted empty">Run the model to see its output here.</p>
          )}
          {runHere && <RunStats />}
          {runHere && <ResultExport />}
        </section>
      </div>
    </main>
  );
}
