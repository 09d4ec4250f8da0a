// Compare mode's contract: the columns the user sets up, and what each one's run gave.
import type { DeviceChoice, DtypeChoice, LoadedInfo, WireError } from '../protocol/messages';
import type { Params } from '../tasks/types';

export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;
export const MAX_RUNS = 20;
/** Per-column thread counts the picker offers (onnxruntime-web uses at most 4). */
export const THREAD_CHOICES = [1, 2, 4] as const;

/** One configuration: a model and how to run it. Fields left out take the workspace's values. */
export interface CompareColumn {
  model: string;
  dtype: DtypeChoice;
  device: DeviceChoice;
  /** WASM threads for this column; undefined = the app's own setting. */
  threads?: number;
  params: Params;
}

/** What the history helper adds to LoadedInfo (read when present, "—" when not). */
export interface MemoryFigures {
  wasmHeapBytes?: number;
  gpuBufferBytes?: number;
  pageBytes?: number;
}

export interface ColumnStats {
  loadMs?: number;
  /** Median of the runs' latencies. */
  latencyMs?: number;
  /** Every run's latency, in order. */
  latencies: number[];
  ttftMs?: number;
  tokensPerSecond?: number;
  tokens?: number;
}

export type ColumnStatus = 'waiting' | 'loading' | 'running' | 'done' | 'error' | 'stopped';

export interface ColumnResult {
  status: ColumnStatus;
  /** The input as this column ran it (chat: with its own reply folded in). */
  input?: unknown;
  output?: unknown;
  partial?: unknown;
  stats: ColumnStats;
  loaded?: LoadedInfo & { memory?: MemoryFigures };
  error?: WireError;
}

export interface CompareRequest {
  task: string;
  columns: CompareColumn[];
  /** Runs per column; the latency shown is their median. */
  runs: number;
}

export const emptyResult = (status: ColumnStatus = 'waiting'): ColumnResult => ({ status, stats: { latencies: [] } });

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
