// Between the store and a link: what the current demo puts in a link, and how a checked link is applied.
import { useApp, type AppState } from '../store';
import { HUB_HOST } from '../store/settings-slice';
import { linkHostFields, ownSettings } from '../store/link-host';
import { defaultParams, findTask } from '../tasks/registry';
import type { SharePayload } from './codec';
import { shareableInput } from './input-shape';
import { MAX_REFERENCE_CHARS, type SharedState } from './validate';
import { columnsFor, useCompare } from '../compare/compare-store';
import { compareToLink } from './compare-share';

export interface Snapshot {
  payload: SharePayload;
  /** What could not go into the link, said to the user in the Share dialog. */
  notes: string[];
}

/** The current demo as a link payload; defaults are left out to keep links short. */
export function snapshot(state: AppState, template: unknown): Snapshot {
  const meta = findTask(state.task)!.meta;
  const notes: string[] = [];
  const defaults = defaultParams(meta);
  const params = Object.fromEntries(Object.entries(state.paramsByTask[state.task] ?? {}).filter(([key, value]) => Object.hasOwn(defaults, key) && defaults[key] !== value));
  // The input goes in even when it is the default: defaults may change between releases, links should not.
  const { value: input, note } = shareableInput(state.inputByTask[state.task] ?? template, template);
  if (note) notes.push(note);
  const dtype = state.dtypeByTask[state.task] ?? 'auto';
  const reference = state.referenceByTask[state.task];
  const carried = reference && JSON.stringify(reference.output).length <= MAX_REFERENCE_CHARS;
  if (reference && !carried) notes.push('The reference output is too large for a link, so the link does not carry the reference check.');
  const compare = useCompare.getState();
  const payload: SharePayload = {
    t: state.task,
    m: (state.modelByTask[state.task] ?? meta.models[0].id).trim(),
    ...(state.host !== HUB_HOST && { h: state.host }),
    ...(state.revision !== 'main' && { r: state.revision }),
    ...(state.device !== 'auto' && { d: state.device }),
    ...(dtype !== 'auto' && { q: dtype }),
    ...(Object.keys(params).length > 0 && { p: params }),
    ...(input !== undefined && { i: input }),
    ...(carried && { x: { ...(reference.source && { s: reference.source }), o: reference.output } }),
    // With Compare open, the link carries its columns (link format v2) and opens Compare.
    ...(compare.open && compareToLink(meta, { columns: columnsFor(compare, state.task), runs: compare.runs })),
  };
  return { payload, notes };
}

export function currentFor(task: string) {
  const s = useApp.getState();
  return {
    model: s.modelByTask[task] ?? findTask(task)?.meta.models[0].id ?? '',
    // A field the link gets wrong falls back to the user's own host, never to another link's.
    ...ownSettings(s),
    device: s.device,
    dtype: s.dtypeByTask[task] ?? 'auto',
  };
}

/** Puts a checked link into the store; the task's other tasks and the user's other inputs are kept. */
export function applyShared(shared: SharedState): void {
  const s = useApp.getState();
  const inputByTask = { ...s.inputByTask };
  if (shared.input === undefined) delete inputByTask[shared.task];
  else inputByTask[shared.task] = shared.input;
  useApp.setState({
    task: shared.task,
    // The link's host for this demo only, and held until the user allows it (link-host.ts).
    ...linkHostFields(s, shared),
    device: shared.device,
    // A link that names no model leaves the task on the default for its host (found by host-defaults).
    ...(shared.model && { modelByTask: { ...s.modelByTask, [shared.task]: shared.model } }),
    pickedByTask: { ...s.pickedByTask, [shared.task]: Boolean(shared.model) },
    dtypeByTask: { ...s.dtypeByTask, [shared.task]: shared.dtype },
    paramsByTask: { ...s.paramsByTask, [shared.task]: shared.params },
    inputByTask,
    referenceByTask: withReference(s.referenceByTask, shared),
  });
  if (s.run.status !== 'running') s.clearRun();
  const compare = useCompare.getState();
  if (shared.compare) {
    compare.setColumns(shared.task, shared.compare.columns);
    compare.setRuns(shared.compare.runs);
  }
  compare.setOpen(Boolean(shared.compare));
}

/** The link's reference replaces the task's own; a link without one clears it (it belongs to another demo). */
function withReference(current: AppState['referenceByTask'], shared: SharedState): AppState['referenceByTask'] {
  const next = { ...current };
  if (shared.reference) next[shared.task] = shared.reference;
  else delete next[shared.task];
  return next;
}
