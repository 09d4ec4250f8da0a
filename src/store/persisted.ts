import { findTask } from '../tasks/registry';
import type { AppState } from './index';
import type { RunState } from './runs-slice';
import { isThemeChoice } from './settings-slice';
import { ownSettings } from './link-host';

/** Bump when the saved shape changes, and teach `migratePersisted` the step from the previous one. */
export const PERSIST_VERSION = 2;

/** Only plain JSON survives a reload: a picked file (a Blob) does not, a bundled sample does. */
function jsonSafe(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    // A property set to undefined (`stopped: undefined` on a chat reply) is simply left out of the JSON.
    return Object.values(value as object).every((v) => v === undefined || jsonSafe(v));
  }
  return false;
}

/** Results bigger than this (as JSON) are not kept: localStorage is small and shared by everything. */
export const MAX_SAVED_RESULT_CHARS = 32_000;

/** The last finished run, when it is plain JSON and small, so a reload shows it again. */
function savedRun(run: RunState): RunState | undefined {
  if (run.status !== 'done' || !run.task) return undefined;
  const saved = { status: run.status, seq: 0, task: run.task, input: run.input, output: run.output, stats: run.stats };
  if (!jsonSafe(saved)) return undefined;
  return JSON.stringify(saved).length <= MAX_SAVED_RESULT_CHARS ? saved : undefined;
}

export function persistable(state: AppState) {
  const lastRun = savedRun(state.run);
  const inputByTask = Object.fromEntries(Object.entries(state.inputByTask).filter(([, value]) => jsonSafe(value)));
  // A linked demo's host is never saved: the user's own settings are.
  const own = ownSettings(state);
  return {
    host: own.host,
    revision: own.revision,
    device: state.device,
    confirmAboveMB: state.confirmAboveMB,
    theme: state.theme,
    task: state.task,
    modelByTask: state.modelByTask,
    pickedByTask: state.pickedByTask,
    dtypeByTask: state.dtypeByTask,
    paramsByTask: state.paramsByTask,
    inputByTask,
    ...(lastRun && { lastRun }),
  };
}

/** The fields `persistable` reads (persisted.test.ts checks the list): while none changed, nothing saved changed. */
export const SAVED_FIELDS = ['run', 'inputByTask', 'host', 'revision', 'linkHost', 'device', 'confirmAboveMB', 'theme', 'task', 'modelByTask', 'pickedByTask', 'dtypeByTask', 'paramsByTask'] as const;

/**
 * `persistable`, answered with the previous object while none of SAVED_FIELDS changed. The store saves on every
 * update, a load's progress and a run's partials included; each walked and stringified the last result (up to 32k
 * characters) and wrote localStorage on the main thread. With the same object back, the storage skips the write.
 */
export function memoPersistable(): (state: AppState) => ReturnType<typeof persistable> {
  let last: AppState | undefined;
  let saved: ReturnType<typeof persistable> | undefined;
  // Only a finished run is saved (savedRun): a running one (its start, a quiet run's first partial) leaves what is
  // saved as it was. Each partial had written localStorage again, 50-230 ms of a generation's frames, when partials
  // were kept in the run (they are now beside it, in `streamed`, which is not saved).
  const changed = (state: AppState, before: AppState, field: (typeof SAVED_FIELDS)[number]) =>
    state[field] !== before[field] && (field !== 'run' || state.run.status === 'done' || before.run.status === 'done');
  return (state) => {
    if (!last || !saved || SAVED_FIELDS.some((field) => changed(state, last!, field))) saved = persistable(state);
    last = state;
    return saved;
  };
}

/** A visit saved before defaults followed the host kept every model: the ones not the curated default were chosen. */
function pickedBefore(modelByTask: Record<string, string>): Record<string, boolean> {
  return Object.fromEntries(Object.entries(modelByTask).filter(([task, model]) => findTask(task) && findTask(task)?.meta.models[0].id !== model).map(([task]) => [task, true]));
}

/**
 * Restores a saved visit over the current defaults: per-task maps are merged key by key, so a task
 * or parameter added since the visit keeps its default, and a task id that no longer exists is dropped.
 */
export function mergePersisted(saved: unknown, current: AppState): AppState {
  const { lastRun, ...s } = (saved ?? {}) as Partial<ReturnType<typeof persistable>>;
  const mergedParams = { ...current.paramsByTask };
  for (const [task, params] of Object.entries(s.paramsByTask ?? {})) {
    // Keys come from storage: only tasks this app has (a `__proto__` key would replace the prototype here).
    if (!findTask(task)) continue;
    mergedParams[task] = { ...current.paramsByTask[task], ...params };
  }
  return {
    ...current,
    ...s,
    task: s.task && findTask(s.task) ? s.task : current.task,
    theme: isThemeChoice(s.theme) ? s.theme : current.theme,
    modelByTask: { ...current.modelByTask, ...s.modelByTask },
    pickedByTask: s.pickedByTask ?? pickedBefore(s.modelByTask ?? {}),
    paramsByTask: mergedParams,
    inputByTask: { ...current.inputByTask, ...s.inputByTask },
    run: lastRun?.task && findTask(lastRun.task) && lastRun.status === 'done' ? { ...lastRun, seq: current.run?.seq ?? 0 } : current.run,
  };
}

/**
 * Brings a visit saved by an older build up to PERSIST_VERSION, one step at a time.
 * v1 -> v2: the theme choice was added; a v1 visit follows the system theme.
 */
export function migratePersisted(saved: unknown, version: number): unknown {
  const state = { ...((saved ?? {}) as Record<string, unknown>) };
  if (version < 2) state.theme = 'system';
  return state;
}
