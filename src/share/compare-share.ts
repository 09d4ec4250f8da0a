// A compare set in a share link (v2): its columns and runs count, written short and checked field by field.
import { modelIdProblem } from '../models/model-id';
import { DTYPES, type DeviceChoice, type DtypeChoice } from '../protocol/messages';
import { defaultParams } from '../tasks/registry';
import type { Params, TaskMeta } from '../tasks/types';
import { MAX_COLUMNS, MAX_RUNS, MIN_COLUMNS, THREAD_CHOICES, type CompareColumn } from '../compare/types';
import { checkParams } from './validate';

export interface SharedCompare {
  columns: CompareColumn[];
  runs: number;
}

const DEVICES: readonly DeviceChoice[] = ['auto', 'webgpu', 'wasm'];
const COLUMN_FIELDS = ['m', 'q', 'd', 'n', 'p'];

/** Columns in link form; defaults (auto, the app's threads, default params) are left out. */
export function compareToLink(meta: TaskMeta, set: SharedCompare): { c: unknown[]; k?: number } {
  const defaults = defaultParams(meta);
  const c = set.columns.map((col) => {
    const p = Object.fromEntries(Object.entries(col.params).filter(([key, value]) => Object.hasOwn(defaults, key) && defaults[key] !== value));
    return {
      m: col.model.trim(),
      ...(col.dtype !== 'auto' && { q: col.dtype }),
      ...(col.device !== 'auto' && { d: col.device }),
      ...(col.threads !== undefined && { n: col.threads }),
      ...(Object.keys(p).length > 0 && { p }),
    };
  });
  return { c, ...(set.runs > 1 && { k: set.runs }) };
}

function checkColumn(meta: TaskMeta, raw: unknown, name: string, dropped: string[]): CompareColumn | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    dropped.push(`compare column ${name}: not a column`);
    return undefined;
  }
  const o = raw as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!COLUMN_FIELDS.includes(key)) dropped.push(`compare column ${name}: “${key.slice(0, 40)}” is not a column setting`);
  // A model the link gets wrong stays in the column as text: the column then says what is wrong with it.
  const model = typeof o.m === 'string' && o.m.length <= 200 ? o.m : '';
  if (typeof o.m !== 'string' || modelIdProblem(o.m)) dropped.push(`compare column ${name}: model is not a valid model id`);
  const dtype: DtypeChoice = o.q === undefined ? 'auto' : (DTYPES.find((d) => d === o.q) ?? 'auto');
  if (o.q !== undefined && dtype === 'auto' && o.q !== 'auto') dropped.push(`compare column ${name}: precision not one this app knows`);
  const device: DeviceChoice = DEVICES.find((d) => d === (o.d ?? 'auto')) ?? 'auto';
  if (o.d !== undefined && device !== o.d) dropped.push(`compare column ${name}: device not auto, webgpu or wasm`);
  const threads = THREAD_CHOICES.find((t) => t === o.n);
  if (o.n !== undefined && threads === undefined) dropped.push(`compare column ${name}: threads not one of ${THREAD_CHOICES.join(', ')}`);
  const params: Params = checkParams(meta, o.p, dropped);
  return { model, dtype, device, ...(threads !== undefined && { threads }), params };
}

/** The link's compare set, or undefined when it has none (or too few usable columns). */
export function checkCompare(meta: TaskMeta, rawColumns: unknown, rawRuns: unknown, dropped: string[]): SharedCompare | undefined {
  if (rawColumns === undefined) return undefined;
  if (!Array.isArray(rawColumns)) {
    dropped.push('compare: not a list of columns');
    return undefined;
  }
  if (rawColumns.length > MAX_COLUMNS) dropped.push(`compare: ${rawColumns.length} columns, only the first ${MAX_COLUMNS} are kept`);
  const columns = rawColumns.slice(0, MAX_COLUMNS).flatMap((raw, i) => checkColumn(meta, raw, 'ABCD'[i], dropped) ?? []);
  if (columns.length < MIN_COLUMNS) {
    dropped.push('compare: fewer than two usable columns, so Compare is not opened');
    return undefined;
  }
  let runs = 1;
  if (rawRuns !== undefined) {
    if (typeof rawRuns === 'number' && Number.isInteger(rawRuns) && rawRuns >= 1 && rawRuns <= MAX_RUNS) runs = rawRuns;
    else dropped.push(`compare: runs per column must be a whole number from 1 to ${MAX_RUNS}`);
  }
  return { columns, runs };
}
