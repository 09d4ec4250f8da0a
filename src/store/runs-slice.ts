import type { StateCreator } from 'zustand';
import type { RunStats, WireError } from '../protocol/messages';
import type { AppState } from './index';

export type RunStatus = 'idle' | 'running' | 'done' | 'error';

export interface RunState {
  status: RunStatus;
  /** Counts runs started in this session, so observers can tell one result from the next. */
  seq: number;
  task?: string;
  output?: unknown;
  /** The input the output belongs to (the user may have edited the field since). */
  input?: unknown;
  stats?: RunStats;
  error?: WireError;
  /** Where to show the error: next to the input, or next to the model. */
  errorAt?: 'input' | 'run';
  /**
   * A running run the page does not show as running yet: what the page showed when it started, drawn in its place
   * until it is shown (see `shownRun`). A short run goes straight from the last result to its own, with no
   * "Running…" frame in between.
   */
  before?: RunState;
  /**
   * A one-shot run shown as running: the result it started over (of the same task), drawn dimmed and inert, with
   * "Running…" beside the title, until its own result replaces it. The output keeps its place instead of emptying and filling again: no jump
   * of the page, and no new output drawn in the middle of the model's run (see `runShown`).
   */
  stale?: RunState;
}

/**
 * The run the page draws: the running one once it is shown, else the one it started over. A one-shot run (a
 * classification, a detection) that ends within `SHOW_RUNNING_AFTER_MS` is never drawn as running: the output,
 * the Run button and the input stay as they were until the result replaces them. Drawing and laying out the
 * running state took the page's main thread 5–15 ms in the middle of a 30 ms model run on a 2-core machine,
 * and with both cores given to the model's threads that time came out of the model's (README, A returning visit).
 * Status and run number on the output pane stay the real ones (`run`), for tests and assistive tech.
 */
export function shownRun(run: RunState): RunState {
  // The same objects each time: a selector's result must be stable (useSyncExternalStore).
  return run.status === 'running' && run.before ? run.before : run;
}

/** How long a one-shot run goes on before the page shows it as running (a spinner sooner than this flickers). */
export const SHOW_RUNNING_AFTER_MS = 200;

/**
 * The latest streamed partial of run `seq` (generated text so far, a progress count…). Kept beside `run`, not in it,
 * so a partial changes this alone: what draws the partial (the task's output) renders again, and not every part of
 * the page that reads the run (the whole workspace did, 5–10 ms of main thread a frame on a 2-core machine, taken from
 * the model's threads while it generates).
 */
export interface Streamed {
  seq: number;
  value: unknown;
}

/** The partial to draw now: the running run's latest, else none. */
export function partialOf(state: Pick<RunsSlice, 'run' | 'streamed'>): unknown {
  const { run, streamed } = state;
  return run.status === 'running' && streamed?.seq === run.seq ? streamed.value : undefined;
}

export interface RunsSlice {
  run: RunState;
  streamed?: Streamed;
  /** `quiet`: the page shows the run as running only once `runShown` (or a partial) says so. */
  runStarted(task: string, input: unknown, quiet?: boolean): void;
  /** The run `seq` has lasted long enough to be shown as running. */
  runShown(seq: number): void;
  /** The stale result could not be drawn again (its panel threw): the running run is drawn over nothing instead. */
  dropStale(): void;
  /** A partial of the running run (of run `seq` when given: a late one of an earlier run is dropped). */
  runPartial(partial: unknown, seq?: number): void;
  runFinished(output: unknown, stats: RunStats): void;
  runFailed(error: WireError, at: 'input' | 'run'): void;
  clearRun(): void;
}

export const createRunsSlice: StateCreator<AppState, [], [], RunsSlice> = (set, get) => ({
  run: { status: 'idle', seq: 0 },
  runStarted: (task, input, quiet) => {
    const last = shownRun(get().run);
    const run: RunState = { status: 'running', task, input, seq: get().run.seq + 1 };
    set({ run: quiet ? { ...run, before: last } : run, streamed: undefined });
  },
  runShown: (seq) => {
    const { run } = get();
    if (run.status !== 'running' || run.seq !== seq || !run.before) return;
    // Emptying the output here and drawing it again at the end cost the page a 20-55 ms task in the middle of a
    // 300 ms run on 2 cores (the ONNX lab's, issue 12): the last result stays, drawn as stale.
    const { before } = run;
    const keep = before.status === 'done' && before.task === run.task;
    set({ run: keep ? { ...settled(run), stale: before } : settled(run) });
  },
  dropStale: () => {
    const { run } = get();
    if (run.stale !== undefined) set({ run: settled(run) });
  },
  runPartial: (partial, seq) => {
    const { run } = get();
    if (run.status !== 'running' || (seq !== undefined && seq !== run.seq)) return;
    // The first partial of a quiet run shows it as running; later ones leave `run` as it is (settled returns it).
    set({ run: settled(run), streamed: { seq: run.seq, value: partial } });
  },
  runFinished: (output, stats) => set({ run: { ...settled(get().run), status: 'done', output, stats }, streamed: undefined }),
  runFailed: (error, at) => set({ run: { ...settled(get().run), status: 'error', error, errorAt: at }, streamed: undefined }),
  clearRun: () => set({ run: { status: 'idle', seq: get().run.seq }, streamed: undefined }),
});

/** The run without its place-holder or stale result: shown as itself from now on. */
function settled(run: RunState): RunState {
  if (run.before === undefined && run.stale === undefined) return run;
  const { before: _before, stale: _stale, ...rest } = run;
  return rest;
}
