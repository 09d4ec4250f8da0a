import { findTask } from '../tasks/registry';
import type { AppState } from './index';

/** Only plain JSON survives a reload: a picked file (a Blob) does not, a bundled sample does. */
function jsonSafe(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value as object).every(jsonSafe);
  }
  return false;
}

export function persistable(state: AppState) {
  const inputByTask = Object.fromEntries(Object.entries(state.inputByTask).filter(([, value]) => jsonSafe(value)));
  return {
    host: state.host,
    revision: state.revision,
    device: state.device,
    confirmAboveMB: state.confirmAboveMB,
    task: state.task,
    modelByTask: state.modelByTask,
    dtypeByTask: state.dtypeByTask,
    paramsByTask: state.paramsByTask,
    inputByTask,
  };
}

/**
 * Restores a saved visit over the current defaults: per-task maps are merged key by key, so a task
 * or parameter added since the visit keeps its default, and a task id that no longer exists is dropped.
 */
export function mergePersisted(saved: unknown, current: AppState): AppState {
  const s = (saved ?? {}) as Partial<ReturnType<typeof persistable>>;
  const mergedParams = { ...current.paramsByTask };
  for (const [task, params] of Object.entries(s.paramsByTask ?? {})) {
    mergedParams[task] = { ...current.paramsByTask[task], ...params };
  }
  return {
    ...current,
    ...s,
    task: s.task && findTask(s.task) ? s.task : current.task,
    modelByTask: { ...current.modelByTask, ...s.modelByTask },
    paramsByTask: mergedParams,
    inputByTask: { ...current.inputByTask, ...s.inputByTask },
  };
}
