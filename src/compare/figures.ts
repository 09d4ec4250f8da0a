// The figures rows of the comparison table, and which column has the best of each.
import type { ColumnResult } from './types';

export interface FigureRow {
  key: string;
  label: string;
  /** Lower is better (times, bytes) or higher (tokens/s). */
  better: 'lower' | 'higher';
  value(result: ColumnResult): number | undefined;
  format(value: number): string;
}

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`);
const mb = (v: number) => `${(v / 1e6).toFixed(1)} MB`;

export const FIGURES: FigureRow[] = [
  { key: 'load', label: 'Load time', better: 'lower', value: (r) => r.stats.loadMs, format: ms },
  { key: 'latency', label: 'Latency (median)', better: 'lower', value: (r) => r.stats.latencyMs, format: ms },
  { key: 'ttft', label: 'Time to first token', better: 'lower', value: (r) => r.stats.ttftMs, format: ms },
  { key: 'tps', label: 'Tokens/s', better: 'higher', value: (r) => r.stats.tokensPerSecond, format: (v) => v.toFixed(1) },
  { key: 'wasm-heap', label: 'WASM heap', better: 'lower', value: (r) => r.loaded?.memory?.wasmHeapBytes, format: mb },
  { key: 'gpu-buffers', label: 'GPU buffers', better: 'lower', value: (r) => r.loaded?.memory?.gpuBufferBytes, format: mb },
  { key: 'page-memory', label: 'Page memory', better: 'lower', value: (r) => r.loaded?.memory?.pageBytes, format: mb },
];

/** Rows every result leaves empty are not shown, except memory, which says "—" until it is measured. */
export function visibleRows(results: ColumnResult[]): FigureRow[] {
  return FIGURES.filter((row) => row.key === 'wasm-heap' || results.some((r) => row.value(r) !== undefined));
}

/** Index of the best column for a row, when at least two columns have a figure and they are not all equal. */
export function bestIndex(row: FigureRow, results: ColumnResult[]): number | undefined {
  const values = results.map((r) => (r.status === 'done' ? row.value(r) : undefined));
  const present = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (present.length < 2 || present.every((v) => v === present[0])) return undefined;
  const best = row.better === 'lower' ? Math.min(...present) : Math.max(...present);
  return values.indexOf(best);
}
