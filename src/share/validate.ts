// Every field of a link is checked against what the app knows; what fails is dropped and listed.
import { modelIdProblem } from '../models/model-id';
import { DTYPES, type DeviceChoice, type DtypeChoice } from '../protocol/messages';
import { HUB_HOST, normalizeHost } from '../store/settings-slice';
import { defaultParams, findTask } from '../tasks/registry';
import type { ParamSpec, Params, TaskMeta } from '../tasks/types';
import type { SharePayload } from './codec';
import { restoreInput } from './input-shape';
import { checkCompare, type SharedCompare } from './compare-share';

export const REVISION = /^[\w./-]{1,100}$/;
const FIELDS = ['t', 'm', 'h', 'r', 'd', 'q', 'p', 'i', 'x', 'c', 'k'];
/** The largest reference output a link carries (as JSON): top-k scores and boxes fit, masks do not. */
export const MAX_REFERENCE_CHARS = 4000;
const DEVICES: readonly DeviceChoice[] = ['auto', 'webgpu', 'wasm'];

/** A link's state after checking: safe to put in the store as is. */
export interface SharedState {
  task: string;
  /** '' when the link names none: the task's default on the link's host. */
  model: string;
  host: string;
  revision: string;
  device: DeviceChoice;
  dtype: DtypeChoice;
  params: Params;
  /** undefined: the task's default input. */
  input?: unknown;
  /** A reference output the link carries; a result is checked against it. */
  reference?: { source?: string; output: unknown };
  /** A compare set (v2 links): opens Compare with these columns. */
  compare?: SharedCompare;
}

export interface Checked {
  state?: SharedState;
  /** One readable line per field (or part of the input) that was dropped or adjusted. */
  dropped: string[];
}

function checkParam(spec: ParamSpec, raw: unknown, dropped: string[]): number | boolean | undefined {
  if (spec.kind === 'toggle') {
    if (typeof raw === 'boolean') return raw;
    dropped.push(`${spec.label}: expected on/off`);
    return undefined;
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    dropped.push(`${spec.label}: expected a number`);
    return undefined;
  }
  const clamped = Math.min(spec.max, Math.max(spec.min, raw));
  if (clamped !== raw) dropped.push(`${spec.label}: ${raw} is outside ${spec.min}–${spec.max}, set to ${clamped}`);
  return clamped;
}

export function checkParams(meta: TaskMeta, raw: unknown, dropped: string[]): Params {
  const params = defaultParams(meta);
  if (raw === undefined) return params;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    dropped.push('parameters: not a list of settings');
    return params;
  }
  for (const [key, value] of Object.entries(raw)) {
    const spec = meta.params.find((p) => p.key === key);
    if (!spec) {
      dropped.push(`parameter “${key.slice(0, 40)}”: not a setting of this task`);
      continue;
    }
    const checked = checkParam(spec, value, dropped);
    if (checked !== undefined) params[key] = checked;
  }
  return params;
}

/** Missing: the default (links leave defaults out). Present but wrong: listed, and the user's current value stays. */
function field<T>(raw: unknown, fallback: T, current: T, ok: (v: unknown) => T | undefined, what: string, dropped: string[]): T {
  if (raw === undefined) return fallback;
  const value = ok(raw);
  if (value !== undefined) return value;
  dropped.push(what);
  return current;
}

/**
 * Checks a decoded link. Missing fields take the app's defaults (links leave defaults out); a field
 * that is present but wrong keeps the value the user already had (`current`) and is listed.
 */
export function validateShare(
  payload: SharePayload,
  templateFor: (task: string) => unknown,
  currentFor: (task: string) => Omit<SharedState, 'task' | 'params' | 'input'>,
): Checked {
  const dropped: string[] = [];
  const task = typeof payload.t === 'string' ? findTask(payload.t) : undefined;
  if (!task) return { dropped: ['task: not a task this app has, so the link cannot be opened'] };
  const meta = task.meta;
  const current = currentFor(meta.id);
  for (const key of Object.keys(payload)) {
    if (!FIELDS.includes(key)) dropped.push(`“${key.slice(0, 40)}”: not a field of a share link`);
  }
  const text = (max: number, ok: (v: string) => string | undefined) => (v: unknown) => (typeof v === 'string' && v.length <= max ? ok(v) : undefined);
  const model = field(payload.m, '', current.model, text(200, (v) => (modelIdProblem(v) ? undefined : v.trim())), 'model: not a valid model id', dropped);
  const host = field(payload.h, HUB_HOST, current.host, text(500, normalizeHost), 'model host: not an http(s) address', dropped);
  const revision = field(payload.r, 'main', current.revision, text(100, (v) => (REVISION.test(v) ? v : undefined)), 'revision: not a branch, tag or commit', dropped);
  const device = field(payload.d, 'auto', current.device, (v) => DEVICES.find((d) => d === v), 'device: not auto, webgpu or wasm', dropped);
  const dtype = field<DtypeChoice>(payload.q, 'auto', current.dtype, (v) => (v === 'auto' ? 'auto' : DTYPES.find((d) => d === v)), 'precision: not one this app knows', dropped);
  const params = checkParams(meta, payload.p, dropped);
  const input = restoreInput(payload.i, templateFor(meta.id), dropped);
  const reference = checkReference(payload.x, dropped);
  const compare = checkCompare(meta, payload.c, payload.k, dropped);
  return { state: { task: meta.id, model, host, revision, device, dtype, params, input, ...(reference && { reference }), ...(compare && { compare }) }, dropped };
}

/** A carried reference: an output (list or object) of bounded size, and an optional short file name. */
function checkReference(raw: unknown, dropped: string[]): SharedState['reference'] {
  if (raw === undefined) return undefined;
  const o = raw && typeof raw === 'object' && !Array.isArray(raw) ? new Map(Object.entries(raw)) : undefined;
  const output = o?.get('o');
  const source = o?.get('s');
  const size = output === undefined ? Infinity : JSON.stringify(output).length;
  if (!output || typeof output !== 'object' || size > MAX_REFERENCE_CHARS) {
    dropped.push('reference: not a reference output, or too large for a link');
    return undefined;
  }
  return { output, ...(typeof source === 'string' && source.length <= 100 ? { source } : {}) };
}
