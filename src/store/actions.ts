import type { EngineClient } from '../client/engine-client';
import { InvalidInputError, NoModelError, toWire } from '../protocol/errors';
import { noModelMessage } from '../models/default-model';
import type { LoadSpec, RunStats } from '../protocol/messages';
import { recordModelUse } from '../cache/model-cache';
import { LOCAL_HOST, isLocalRef, localModelId, localRefName } from '../models/local-ref';
import { getLocalFolder } from '../models/local-folders';
import { modelFieldProblem } from '../models/model-field';
import { findTask } from '../tasks/registry';
import { defaultSettled } from './host-defaults';
import { hostHeld, hostNotAllowed } from './link-host';
import { useApp } from './index';
import { whenIdle } from '../client/when-idle';

let engine: EngineClient | undefined;
let runAbort: AbortController | undefined;
let loadAbort: AbortController | undefined;
let inflightLoad: Promise<unknown> = Promise.resolve();
let loadGeneration = 0;

/** Connects the store to an engine (the real worker in the app, a fake in tests). */
export function connectEngine(client: EngineClient, options: { maxThreads?: number } = {}): void {
  engine = client;
  const probe = (prewarm: boolean) => client.call({ type: 'probe', maxThreads: options.maxThreads, prewarm });
  client.onRespawn(() => {
    // A fresh worker is probed first, so it keeps the same thread limit.
    void probe(true).catch(() => undefined);
    const { load } = useApp.getState();
    if (load.status === 'ready' || load.status === 'loading') {
      useApp.getState().modelDropped('The engine was restarted to stop a task, so the model was unloaded. Load it again to continue.');
    }
  });
  // Capabilities now (they fix the thread limit before any model check); the WASM compile once the page is idle.
  probe(false)
    .then((caps) => useApp.getState().setCaps(caps))
    .catch(() => undefined);
  whenIdle(() => void probe(true).catch(() => undefined));
  useApp.subscribe(stopAbandonedLoad);
}

/**
 * Switching task, or choosing another model for the task being loaded, abandons that load: its downloads
 * are aborted at once (the worker stops them) instead of running on and holding up the next load.
 */
function stopAbandonedLoad(state: ReturnType<typeof useApp.getState>, previous: ReturnType<typeof useApp.getState>): void {
  const { load } = state;
  if (load.status !== 'loading' || !load.spec) return;
  const task = load.spec.task;
  const switched = state.task !== previous.task && state.task !== task;
  const otherModel = state.modelByTask[task] !== previous.modelByTask[task];
  if (!switched && !otherModel) return;
  loadAbort?.abort();
  useApp.getState().modelDropped(`Stopped loading ${load.spec.model}: you chose another ${switched ? 'task' : 'model'}. Nothing half-downloaded was kept.`);
}

function requireEngine(): EngineClient {
  if (!engine) throw new Error('engine not connected');
  return engine;
}

export function currentSpec(): LoadSpec {
  const s = useApp.getState();
  const meta = findTask(s.task)?.meta;
  const model = (s.modelByTask[s.task] ?? '').trim();
  // A folder from disk is served by the worker itself under a host that never resolves.
  const local = isLocalRef(model);
  return {
    task: s.task,
    pipeline: meta?.pipeline ?? s.task,
    model: local ? localModelId(localRefName(model)) : model,
    host: local ? LOCAL_HOST : s.host,
    revision: s.revision,
    device: s.device,
    dtype: s.dtypeByTask[s.task] ?? 'auto',
  };
}

/** Hands the files of a local folder to the worker (again after a restart: it is cheap, no bytes are copied). */
async function syncLocalFolder(spec: LoadSpec): Promise<void> {
  if (spec.host !== LOCAL_HOST) return;
  const name = spec.model.slice(spec.model.indexOf('/') + 1);
  const folder = getLocalFolder(name);
  if (!folder) {
    throw new InvalidInputError(
      `The files of the folder "${name}" are not open any more: files picked from disk are not kept after a reload.`,
      'Pick the folder again in Browse models → Local folder.',
    );
  }
  await requireEngine().call({ type: 'local-folder', name, files: folder.files });
}

/** The model field's text is not a model that can be asked for (its message shows next to the field). */
function unaskable(): boolean {
  const s = useApp.getState();
  return Boolean(modelFieldProblem((s.modelByTask[s.task] ?? '').trim()));
}

export function planKey(spec: LoadSpec): string {
  return [spec.host, spec.model, spec.revision, spec.pipeline, spec.device, spec.dtype].join('|');
}

/** Works out what loading the chosen model will fetch (files, sizes, precision, support). */
export async function checkPlan(): Promise<void> {
  const spec = currentSpec();
  const key = planKey(spec);
  if (!spec.model || hostHeld(useApp.getState()) || useApp.getState().plan?.key === key || findTask(spec.task)?.meta.ownLoader || unaskable()) return;
  useApp.getState().setPlan({ key, status: 'checking' });
  try {
    await syncLocalFolder(spec);
    const plan = await requireEngine().call({ type: 'plan', spec });
    if (useApp.getState().plan?.key === key) useApp.getState().setPlan({ key, status: 'ready', plan });
  } catch (error) {
    if (useApp.getState().plan?.key === key) useApp.getState().setPlan({ key, status: 'error', error: toWire(error) });
  }
}

/** Checks the plan of this spec again, when it is the one shown (what it says is cached has changed). */
function refreshPlan(spec: LoadSpec): void {
  if (useApp.getState().plan?.key !== planKey(spec)) return;
  useApp.getState().setPlan(undefined);
  void checkPlan();
}

/** True when this load would download more than the user's threshold and they have not agreed yet. */
async function needsConfirmation(spec: LoadSpec, confirmed: boolean): Promise<boolean> {
  const key = planKey(spec);
  useApp.getState().setPendingConfirm(undefined);
  if (confirmed || spec.host === LOCAL_HOST || findTask(spec.task)?.meta.ownLoader) return false;
  await checkPlan();
  const report = useApp.getState().plan;
  const bytes = report?.key === key ? report.plan?.downloadBytes ?? 0 : 0;
  if (bytes <= useApp.getState().confirmAboveMB * 1e6) return false;
  useApp.getState().setPendingConfirm({ key, bytes });
  return true;
}

export async function loadModel(options: { confirmed?: boolean } = {}): Promise<boolean> {
  // An untouched task on a mirror may still be asking the host which model to open on.
  await defaultSettled();
  const spec = currentSpec();
  const meta = findTask(spec.task)?.meta;
  if (hostHeld(useApp.getState()) && !meta?.ownLoader) {
    useApp.getState().loadStarted(spec);
    useApp.getState().loadFailed(toWire(hostNotAllowed(spec.host)));
    return false;
  }
  if (!spec.model && meta) {
    const { message, hint } = noModelMessage(meta, spec.host);
    useApp.getState().loadStarted(spec);
    useApp.getState().loadFailed(toWire(new NoModelError(message, hint)));
    return false;
  }
  // No request: Transformers.js would turn an id it cannot use into a false "Model not found".
  if (unaskable()) return false;
  const generation = ++loadGeneration;
  const current = () => generation === loadGeneration;
  // A load cannot be interrupted inside the worker: stop the previous one (the client may restart
  // the worker for that) and let it settle before starting this one.
  loadAbort?.abort();
  await inflightLoad;
  if (!current()) return false;
  if (await needsConfirmation(spec, Boolean(options.confirmed))) return false;
  if (!current()) return false;
  const abort = (loadAbort = new AbortController());
  useApp.getState().loadStarted(spec);
  try {
    await syncLocalFolder(spec);
  } catch (error) {
    if (current()) useApp.getState().loadFailed(toWire(error));
    return false;
  }
  const call = requireEngine().call(
    { type: 'load', spec },
    { onProgress: (p) => current() && useApp.getState().loadProgress(p), signal: abort.signal },
  );
  inflightLoad = call.catch(() => undefined);
  try {
    const info = await call;
    if (spec.host !== LOCAL_HOST && !info.cacheWarning) recordModelUse(spec.host, spec.model, spec.revision);
    // A load abandoned by a task or model switch has been settled already (see stopAbandonedLoad).
    const live = current() && useApp.getState().load.status === 'loading';
    if (live) useApp.getState().loadFinished(info);
    // The files are cached now (or not, after a cache error): refresh what the plan says about them.
    if (current()) refreshPlan(spec);
    return live;
  } catch (error) {
    if (current() && useApp.getState().load.status === 'loading') useApp.getState().loadFailed(toWire(error));
    // Damaged files were dropped or never cached: what the plan says is cached has changed.
    const name = toWire(error).name;
    if (name === 'DamagedCacheError' || name === 'DamagedDownloadError') refreshPlan(spec);
    return false;
  }
}

export function cancelLoad(): void {
  loadAbort?.abort();
}

/** Asks the host which precisions the chosen model ships, for the dtype picker. */
export async function checkDtypes(): Promise<void> {
  const spec = currentSpec();
  const { model, host, revision, task, pipeline } = spec;
  const key = `${host}|${model}|${revision}`;
  if (!model || hostHeld(useApp.getState()) || useApp.getState().dtypes?.key === key || unaskable()) return;
  useApp.getState().setDtypes({ key, status: 'checking', available: [] });
  try {
    await syncLocalFolder(spec);
    const report = await requireEngine().call({ type: 'dtypes', spec: { model, host, revision, task, pipeline } });
    if (useApp.getState().dtypes?.key === key) useApp.getState().setDtypes({ key, status: 'ready', ...report });
  } catch (error) {
    if (useApp.getState().dtypes?.key === key) useApp.getState().setDtypes({ key, status: 'error', available: [], error: toWire(error) });
  }
}

function sameAsLoaded(spec: LoadSpec): boolean {
  const loaded = useApp.getState().load;
  return loaded.status === 'ready' && JSON.stringify(loaded.spec) === JSON.stringify(spec);
}

const runsInFlight = new Map<string, Promise<void>>();

/**
 * Runs the open task on its input. One run per task at a time, by construction: a second Run while one is
 * starting, loading or running (a double click on Send) joins it instead of starting another.
 */
export function runTask(): Promise<void> {
  const taskId = useApp.getState().task;
  const running = runsInFlight.get(taskId);
  if (running) return running;
  const run = runOnce(taskId).finally(() => runsInFlight.delete(taskId));
  runsInFlight.set(taskId, run);
  return run;
}

async function runOnce(taskId: string): Promise<void> {
  const state = useApp.getState();
  const task = findTask(taskId);
  if (!task) return;
  const view = await task.view();
  let input = state.inputByTask[taskId] ?? view.defaultInput;
  if (view.beforeRun) {
    input = view.beforeRun(input);
    state.setInputFor(taskId, input);
  }
  const problem = view.validate(input);
  if (problem) {
    state.runStarted(taskId, input);
    useApp.getState().runFailed({ name: 'InvalidInputError', message: problem }, 'input');
    return;
  }
  if (!sameAsLoaded(currentSpec()) && !(await loadModel())) return;
  runAbort = new AbortController();
  useApp.getState().runStarted(taskId, input);
  let partial: unknown;
  try {
    // A camera frame may still be in the worker: let it finish so the model runs one input at a time.
    await liveFrame;
    const prepared = view.prepare ? await view.prepare(input) : input;
    const result = await requireEngine().call(
      { type: 'run', task: taskId, input: prepared, params: useApp.getState().paramsByTask[taskId] ?? {} },
      {
        signal: runAbort.signal,
        onPartial: (chunk) => {
          partial = view.reducePartial ? view.reducePartial(partial, chunk) : chunk;
          schedulePartial(partial);
        },
      },
    );
    if (view.applyResult) {
      const live = useApp.getState().inputByTask[taskId] ?? input;
      useApp.getState().setInputFor(taskId, view.applyResult(live, result.output, result.stats));
    }
    useApp.getState().runFinished(result.output, result.stats);
  } catch (error) {
    const wire = toWire(error);
    useApp.getState().runFailed(wire, wire.name === 'InvalidInputError' ? 'input' : 'run');
  }
}

export function stopRun(): void {
  runAbort?.abort();
}

// Tokens can arrive faster than the screen refreshes: publish at most once per frame.
let queued: unknown;
let frame: number | undefined;
function schedulePartial(partial: unknown): void {
  queued = partial;
  if (frame !== undefined) return;
  const raf = globalThis.requestAnimationFrame ?? ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 16) as unknown as number);
  frame = raf(() => {
    frame = undefined;
    if (useApp.getState().run.status === 'running') useApp.getState().runPartial(queued);
  });
}

/** The camera frame in flight, if any: a Run waits for it. */
let liveFrame: Promise<unknown> = Promise.resolve();

/**
 * Runs the current task on one prepared input outside the run history, loading the model first if
 * needed: the camera's continuous inference. The caller sends the next frame only when this resolves.
 */
export async function runLive(prepared: unknown): Promise<{ output: unknown; stats: RunStats }> {
  const taskId = useApp.getState().task;
  if (!sameAsLoaded(currentSpec()) && !(await loadModel())) {
    throw new Error('The model could not be loaded; see the message above.');
  }
  const call = requireEngine().call({ type: 'run', task: taskId, input: prepared, params: useApp.getState().paramsByTask[taskId] ?? {} });
  liveFrame = call.catch(() => undefined);
  return call;
}
