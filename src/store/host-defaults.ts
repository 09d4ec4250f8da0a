// Keeps each task's untouched model in step with the model host (see models/default-model.ts): the
// curated default on the Hub, what the host was found to have anywhere else. Chosen models stay.
import { hasFixedDefault, httpProbe, resolveHostDefault, type HostDefault, type HostProbe } from '../models/default-model';
import { TASKS, findTask } from '../tasks/registry';
import { HUB_HOST } from './settings-slice';
import { useApp, type AppState } from './index';
import { hostHeld } from './link-host';

export const hostDefaultKey = (host: string, revision: string, task: string) => `${host}|${revision}|${task}`;

/** True when the task's default comes from asking the host (not the Hub, not a task with its own model). */
export function asksHost(state: Pick<AppState, 'host'>, task: string): boolean {
  const meta = findTask(task)?.meta;
  return Boolean(meta) && state.host !== HUB_HOST && !hasFixedDefault(meta!);
}

/** What is known of the task's default on the current host; undefined when the host is not asked. */
export function hostDefaultOf(state: Pick<AppState, 'host' | 'revision' | 'hostDefaults'>, task: string): HostDefault | undefined {
  if (!asksHost(state, task)) return undefined;
  return state.hostDefaults[hostDefaultKey(state.host, state.revision, task)] ?? { status: 'checking' };
}

/** The model an untouched task shows: '' while the host is asked, or when it has none. */
export function defaultModelFor(state: Pick<AppState, 'host' | 'revision' | 'hostDefaults'>, task: string): string {
  const found = hostDefaultOf(state, task);
  if (!found) return findTask(task)?.meta.models[0].id ?? '';
  return found.status === 'found' ? found.model : '';
}

/** Puts each untouched task's default into modelByTask; a chosen model is left alone. */
function applyDefaults(): void {
  const s = useApp.getState();
  const next = { ...s.modelByTask };
  let changed = false;
  for (const { meta } of TASKS) {
    if (s.pickedByTask[meta.id]) continue;
    const model = defaultModelFor(s, meta.id);
    if (next[meta.id] !== model) {
      next[meta.id] = model;
      changed = true;
    }
  }
  if (changed) useApp.setState({ modelByTask: next });
}

let probeFor = (host: string, revision: string): HostProbe => httpProbe(host, revision);
const inflight = new Map<string, Promise<void>>();

/** Tests swap the HTTP probe for a fake (and start from a clean slate). */
export function setHostProbe(factory: (host: string, revision: string) => HostProbe): void {
  probeFor = factory;
  inflight.clear();
}

/** Asks the host what it has for the task, once per host, revision and task; settles when it is known. */
export function ensureHostDefault(task: string = useApp.getState().task): Promise<void> {
  const s = useApp.getState();
  const meta = findTask(task)?.meta;
  // A linked demo's host is not asked anything before the user allows it.
  if (!meta || !asksHost(s, task) || hostHeld(s)) return Promise.resolve();
  const key = hostDefaultKey(s.host, s.revision, task);
  const known = inflight.get(key);
  if (known) return known;
  s.setHostDefault(key, { status: 'checking' });
  applyDefaults();
  const done = resolveHostDefault(meta, probeFor(s.host, s.revision))
    .catch((error: Error): HostDefault => ({ status: 'none', searchError: error.message }))
    .then((found) => {
      // An unreachable host is asked again next time the task is opened.
      if (found.status === 'none' && found.searchError) inflight.delete(key);
      useApp.getState().setHostDefault(key, found);
      applyDefaults();
    });
  inflight.set(key, done);
  return done;
}

/** Settles once the current task's model is known, when it is the untouched default (a Run waits for it). */
export async function defaultSettled(): Promise<void> {
  const s = useApp.getState();
  if (!s.pickedByTask[s.task]) await ensureHostDefault(s.task);
}

/** Follows the host, revision, task and choices from now on (called once at start-up). */
export function watchHostDefaults(): () => void {
  const sync = () => {
    applyDefaults();
    void ensureHostDefault();
  };
  sync();
  return useApp.subscribe((s, prev) => {
    if (s.host !== prev.host || s.revision !== prev.revision || s.task !== prev.task || s.pickedByTask !== prev.pickedByTask || s.linkHost !== prev.linkHost) sync();
  });
}
