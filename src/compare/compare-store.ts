// Compare mode's own state, apart from the app store: which task it is open on, its columns per task, the
// runs count and the latest results. Columns are remembered for the visit (not across reloads: a share
// link carries them instead).
import { create } from 'zustand';
import { useApp } from '../store';
import { defaultParams, findTask } from '../tasks/registry';
import { MAX_COLUMNS, MAX_RUNS, MIN_COLUMNS, emptyResult, type ColumnResult, type CompareColumn } from './types';

export interface CompareState {
  open: boolean;
  columnsByTask: Record<string, CompareColumn[]>;
  runs: number;
  /** The task the results below were computed for. */
  resultTask?: string;
  results: ColumnResult[];
  running: boolean;
  setOpen(open: boolean): void;
  setColumns(task: string, columns: CompareColumn[]): void;
  setRuns(runs: number): void;
  started(task: string, count: number): void;
  columnUpdate(index: number, result: ColumnResult): void;
  finished(): void;
}

/** A column with the workspace's current model, precision, device and parameters. */
export function workspaceColumn(task: string): CompareColumn {
  const s = useApp.getState();
  const meta = findTask(task)?.meta;
  return {
    model: s.modelByTask[task] ?? meta?.models[0]?.id ?? '',
    dtype: s.dtypeByTask[task] ?? 'auto',
    device: s.device,
    params: { ...(meta ? defaultParams(meta) : {}), ...s.paramsByTask[task] },
  };
}

/** The task's columns, two copies of the workspace's configuration until the user changes them. */
export function columnsFor(state: CompareState, task: string): CompareColumn[] {
  const columns = Object.hasOwn(state.columnsByTask, task) ? state.columnsByTask[task] : undefined;
  return columns ?? [workspaceColumn(task), workspaceColumn(task)];
}

const clampColumns = (columns: CompareColumn[]) => columns.slice(0, MAX_COLUMNS);

export const useCompare = create<CompareState>()((set, get) => ({
  open: false,
  columnsByTask: {},
  runs: 1,
  results: [],
  running: false,
  setOpen: (open) => set({ open }),
  setColumns: (task, columns) => {
    if (columns.length < MIN_COLUMNS) return;
    set({ columnsByTask: { ...get().columnsByTask, [task]: clampColumns(columns) } });
  },
  setRuns: (runs) => set({ runs: Math.min(MAX_RUNS, Math.max(1, Math.floor(runs) || 1)) }),
  started: (task, count) => set({ resultTask: task, results: Array.from({ length: count }, () => emptyResult()), running: true }),
  columnUpdate: (index, result) => {
    const results = [...get().results];
    results[index] = { ...result, stats: { ...result.stats } };
    set({ results });
  },
  finished: () => set({ running: false }),
}));
