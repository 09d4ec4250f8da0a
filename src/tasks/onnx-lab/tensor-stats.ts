import type { HeatMap, TensorSummary, TopK } from './lab-types';
import { paintHeat } from './heat-paint';

const MAX_SIDE = 256;
const FIRST = 16;

type Data = ArrayLike<number | bigint | string | boolean>;

function asNumber(v: number | bigint | string | boolean): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? Number(v) : NaN;
}

/** Shape, range, mean, first values; a heat map for 2-D and larger outputs; top-k when it looks like class scores. */
export function summarize(name: string, type: string, dims: readonly number[], data: Data): TensorSummary {
  const size = data.length;
  const summary: TensorSummary = { name, type, dims: [...dims], size, nonFinite: 0, first: [] };
  if (type === 'string') {
    summary.first = Array.from({ length: Math.min(FIRST, size) }, (_, i) => String(data[i]));
    return summary;
  }
  let min = Infinity, max = -Infinity, sum = 0, sumSq = 0, finite = 0;
  for (let i = 0; i < size; i++) {
    const v = asNumber(data[i]);
    if (!Number.isFinite(v)) {
      summary.nonFinite++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    sumSq += v * v;
    finite++;
  }
  if (finite > 0) {
    summary.min = min;
    summary.max = max;
    summary.mean = sum / finite;
    summary.std = Math.sqrt(Math.max(0, sumSq / finite - summary.mean ** 2));
  }
  summary.first = Array.from({ length: Math.min(FIRST, size) }, (_, i) => asNumber(data[i]));
  summary.heat = heatMap(dims, data);
  summary.topk = looksLikeScores(type, dims) ? topK(data, 5) : undefined;
  return summary;
}

/** One axis longer than 1, 2 to 100k long, floating point: probably class scores. */
export function looksLikeScores(type: string, dims: readonly number[]): boolean {
  const long = dims.filter((d) => d > 1);
  return type.startsWith('float') && long.length === 1 && long[0] >= 2 && long[0] <= 100_000;
}

export function topK(data: Data, k: number): TopK[] {
  const values = Array.from({ length: data.length }, (_, i) => asNumber(data[i]));
  const isDistribution = values.every((v) => v >= 0 && v <= 1) && Math.abs(values.reduce((a, b) => a + b, 0) - 1) < 1e-3;
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return values
    .map((value, index) => ({ index, value, probability: isDistribution ? value : exps[index] / total }))
    .sort((a, b) => b.value - a.value)
    .slice(0, k);
}

/** The map as the page gets it: painted here in the worker, without the values it was painted from (256 kB less per kept run). */
export function heatMap(dims: readonly number[], data: Data): HeatMap | undefined {
  const grid = heatGrid(dims, data);
  if (!grid) return undefined;
  const { data: values, ...rest } = grid;
  return { ...rest, pixels: paintHeat({ data: values, min: grid.min, max: grid.max }) };
}

/** The last two axes of the first slice of the leading ones, block-averaged down to at most 256 × 256. */
export function heatGrid(dims: readonly number[], data: Data): (Omit<HeatMap, 'data' | 'pixels'> & { data: Float32Array }) | undefined {
  if (dims.length < 2) return undefined;
  const fullRows = dims[dims.length - 2];
  const fullCols = dims[dims.length - 1];
  if (fullRows < 2 || fullCols < 2) return undefined;
  const rows = Math.min(MAX_SIDE, fullRows);
  const cols = Math.min(MAX_SIDE, fullCols);
  const out = new Float32Array(rows * cols);
  let min = Infinity, max = -Infinity;
  for (let r = 0; r < rows; r++) {
    const r0 = Math.floor((r * fullRows) / rows), r1 = Math.max(r0 + 1, Math.floor(((r + 1) * fullRows) / rows));
    for (let c = 0; c < cols; c++) {
      const c0 = Math.floor((c * fullCols) / cols), c1 = Math.max(c0 + 1, Math.floor(((c + 1) * fullCols) / cols));
      let sum = 0, n = 0;
      for (let y = r0; y < r1; y++) {
        for (let x = c0; x < c1; x++) {
          const v = asNumber(data[y * fullCols + x]);
          if (Number.isFinite(v)) {
            sum += v;
            n++;
          }
        }
      }
      const v = n ? sum / n : 0;
      out[r * cols + c] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const slice = `[${[...dims.slice(0, -2).map(() => '0'), ':', ':'].join(', ')}]`;
  return { rows, cols, data: out, min, max, slice, fullRows, fullCols };
}
