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
}

export interface RunsSlice {
  run: RunState;
  runStarted(task: string, input: unknown): void;
  runPartial(partial: unknown): void;
  runFinished(output: unknown, stats: RunStats): void;
  runFailed(error: WireError, at: 'input' | 'run'): void;
  clearRun(): void;
}

export const createRunsSlice: StateCreator<AppState, [], [], RunsSlice> = (set, get) => ({
  run: { status: 'idle', seq: 0 },
  runStarted: (task, input) => set({ run: { status: 'running', task, input, seq: get().run.seq + 1 } }),
  runPartial: (partial) => set({ run: { ...get().run, partial } }),
  runFinished: (output, stats) => set({ run: { ...get().run, status: 'done', output, stats } }),
  runFailed: (error, at) => set({ run: { ...get().run, status: 'error', error, errorAt: at } }),
  clearRun: () => set({ run: { status: 'idle', seq: get().run.seq } }),
});
