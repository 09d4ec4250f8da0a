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
    task: state.task,
    modelByTask: state.modelByTask,
    dtypeByTask: state.dtypeByTask,
    paramsByTask: state.paramsByTask,
    inputByTask,
  };
}
