import type { StateCreator } from 'zustand';
import type { RunStats, WireError } from '../protocol/messages';
import type { AppState } from './index';

export type RunStatus = 'idle' | 'running' | 'done' | 'error';

export interface RunState {
  status: RunStatus;
  /** Counts runs started in this session, so observers can tell one result from the next. */
  seq: number;
  task?: string;
  partial?: unknown;
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

export interface RunsSlice {
  run: RunState;
  /** `quiet`: the page shows the run as running only once `runShown` (or a partial) says so. */
  runStarted(task: string, input: unknown, quiet?: boolean): void;
  /** The run `seq` has lasted long enough to be shown as running. */
  runShown(seq: number): void;
  runPartial(partial: unknown): void;
  runFinished(output: unknown, stats: RunStats): void;
  runFailed(error: WireError, at: 'input' | 'run'): void;
  clearRun(): void;
}

export const createRunsSlice: StateCreator<AppState, [], [], RunsSlice> = (set, get) => ({
  run: { status: 'idle', seq: 0 },
  runStarted: (task, input, quiet) => {
    const last = shownRun(get().run);
    const run: RunState = { status: 'running', task, input, seq: get().run.seq + 1 };
    set({ run: quiet ? { ...run, before: last } : run });
  },
  runShown: (seq) => {
    const { run } = get();
    if (run.status === 'running' && run.seq === seq && run.before) set({ run: settled(run) });
  },
  runPartial: (partial) => set({ run: { ...settled(get().run), partial } }),
  runFinished: (output, stats) => set({ run: { ...settled(get().run), status: 'done', output, stats } }),
  runFailed: (error, at) => set({ run: { ...settled(get().run), status: 'error', error, errorAt: at } }),
  clearRun: () => set({ run: { status: 'idle', seq: get().run.seq } }),
});

/** The run without its place-holder: shown from now on. */
function settled(run: RunState): RunState {
  if (run.before === undefined) return run;
  const { before: _before, ...rest } = run;
  return rest;
}
