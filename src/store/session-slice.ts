import type { StateCreator } from 'zustand';
import type { HostDefault } from '../models/default-model';
import type { DtypeChoice } from '../protocol/messages';
import { TASKS, defaultParams, findTask } from '../tasks/registry';
import type { Params } from '../tasks/types';
import type { AppState } from './index';

export interface SessionSlice {
  task: string;
  /** The model id per task: the one chosen, else the default for the current host ('' while none is known). */
  modelByTask: Record<string, string>;
  /** Tasks whose model the user or a share link chose; the others follow the host's default. */
  pickedByTask: Record<string, boolean>;
  /** What each host has for each task, keyed by hostDefaultKey (not persisted: hosts change). */
  hostDefaults: Record<string, HostDefault>;
  dtypeByTask: Record<string, DtypeChoice>;
  paramsByTask: Record<string, Params>;
  /** What the user typed or chose per task; kept when switching tasks. */
  inputByTask: Record<string, unknown>;
  /** A reference output per task (Check against a reference…, or a share link's); results are checked against it. */
  referenceByTask: Record<string, SharedReference>;
  setTask(task: string): void;
  setModel(model: string): void;
  setHostDefault(key: string, found: HostDefault): void;
  setDtype(dtype: DtypeChoice): void;
  setParams(params: Params): void;
  setInput(input: unknown): void;
  setInputFor(task: string, input: unknown): void;
  setReferenceFor(task: string, reference: SharedReference | undefined): void;
}

/** A reference output and the name of the file it came from. */
export interface SharedReference {
  source?: string;
  output: unknown;
}

const firstTask = TASKS[0].meta.id;

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get) => ({
  task: firstTask,
  modelByTask: Object.fromEntries(TASKS.map((t) => [t.meta.id, t.meta.models[0].id])),
  pickedByTask: {},
  hostDefaults: {},
  dtypeByTask: {},
  paramsByTask: Object.fromEntries(TASKS.map((t) => [t.meta.id, defaultParams(t.meta)])),
  inputByTask: {},
  referenceByTask: {},
  setTask: (task) => {
    if (findTask(task)) set({ task });
  },
  setModel: (model) => {
    const { task, modelByTask, dtypeByTask, pickedByTask } = get();
    set({
      modelByTask: { ...modelByTask, [task]: model },
      dtypeByTask: { ...dtypeByTask, [task]: 'auto' },
      pickedByTask: { ...pickedByTask, [task]: true },
    });
  },
  setHostDefault: (key, found) => set({ hostDefaults: { ...get().hostDefaults, [key]: found } }),
  setDtype: (dtype) => set({ dtypeByTask: { ...get().dtypeByTask, [get().task]: dtype } }),
  setParams: (params) => set({ paramsByTask: { ...get().paramsByTask, [get().task]: params } }),
  setInput: (input) => get().setInputFor(get().task, input),
  setInputFor: (task, input) => set({ inputByTask: { ...get().inputByTask, [task]: input } }),
  setReferenceFor: (task, reference) => {
    const referenceByTask = { ...get().referenceByTask };
    if (reference) referenceByTask[task] = reference;
    else delete referenceByTask[task];
    set({ referenceByTask });
  },
});
