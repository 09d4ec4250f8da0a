// Loading the open task's model: one load at a time (a newer one stops the older, and the older's late
// answer is ignored by its generation), a Run during a load of the same model joins it, and a load the
// user walked away from (another task or model) is stopped at once.
import { NoModelError, toWire } from '../protocol/errors';
import type { LoadedInfo, LoadSpec } from '../protocol/messages';
import { measurePageMemory } from './page-memory';
import { perFrame } from './per-frame';
import { noModelMessage } from '../models/default-model';
import { recordModelUse } from '../cache/model-cache';
import { LOCAL_HOST } from '../models/local-ref';
import { findTask } from '../tasks/registry';
import { hostHeld, hostNotAllowed } from '../store/link-host';
import type { AppState } from '../store';
import type { Checks } from './checks';
import type { SessionDeps } from './deps';
import { planFor, planKey, plannedFacts, plannedThreads, sameSpec, specOf, syncLocalFolder, unaskable } from './spec';

export interface Loader {
  /** Resolves true when the model is loaded and shown as ready. */
  loadModel(options?: { confirmed?: boolean }): Promise<boolean>;
  cancelLoad(): void;
  /** Store listener: stops a load whose task or model the user has just left. */
  abandonOnSwitch(state: AppState, previous: AppState): void;
}

export function createLoader({ engine, store }: SessionDeps, checks: Checks, settleDefault: () => Promise<void>): Loader {
  const state = store.getState;
  let generation = 0;
  let abort: AbortController | undefined;
  let inflight: Promise<unknown> = Promise.resolve();
  /** The load now in the engine, so a second request for the same model joins it. */
  let active: { spec: LoadSpec; result: Promise<boolean> } | undefined;

  /** True when this load would download more than the user's threshold and they have not agreed yet. */
  async function needsConfirmation(spec: LoadSpec, confirmed: boolean): Promise<boolean> {
    const key = planKey(spec);
    state().setPendingConfirm(undefined);
    if (confirmed || spec.host === LOCAL_HOST || findTask(spec.task)?.meta.ownLoader) return false;
    await checks.checkPlan();
    const report = state().plan;
    const bytes = report?.key === key ? report.plan?.downloadBytes ?? 0 : 0;
    if (bytes <= state().confirmAboveMB * 1e6) return false;
    state().setPendingConfirm({ key, bytes });
    return true;
  }

  /** Refuses a load that cannot start (held host, no model): the reason is shown as the load's error. */
  function refusal(spec: LoadSpec): Error | undefined {
    const meta = findTask(spec.task)?.meta;
    if (hostHeld(state()) && !meta?.ownLoader) return hostNotAllowed(spec.host);
    if (!spec.model && meta) {
      const { message, hint } = noModelMessage(meta, spec.host);
      return new NoModelError(message, hint);
    }
    return undefined;
  }

  async function loadModel(options: { confirmed?: boolean } = {}): Promise<boolean> {
    // An untouched task on a mirror may still be asking the host which model to open on.
    await settleDefault();
    const spec = specOf(state());
    const refused = refusal(spec);
    if (refused) {
      state().loadStarted(spec);
      state().loadFailed(toWire(refused));
      return false;
    }
    if (unaskable(state())) return false;
    if (active && sameSpec(active.spec, spec) && state().load.status === 'loading') return active.result;
    const mine = ++generation;
    const current = () => mine === generation;
    // A load cannot be interrupted inside the worker: stop the previous one (the client may restart
    // the worker for that) and let it settle before starting this one.
    abort?.abort();
    await inflight;
    if (!current()) return false;
    if (await needsConfirmation(spec, Boolean(options.confirmed))) return false;
    if (!current()) return false;
    abort = new AbortController();
    state().loadStarted(spec);
    const result = loadInEngine(spec, abort.signal, current);
    active = { spec, result };
    return result.finally(() => {
      if (active?.result === result) active = undefined;
    });
  }

  async function loadInEngine(spec: LoadSpec, signal: AbortSignal, current: () => boolean): Promise<boolean> {
    try {
      await syncLocalFolder(engine, spec);
    } catch (error) {
      if (current()) state().loadFailed(toWire(error));
      return false;
    }
    // The latest progress per frame; a frame after the load settled finds its status changed and is ignored.
    const progress = perFrame<Parameters<AppState['loadProgress']>[0]>((p) => current() && state().loadProgress(p));
    // What the page's plan of this spec found: the thread count (thread-choice.ts) and the model's check, so a worker
    // (a fresh one, moved to that count) does not plan or check the model again.
    const threads = plannedThreads(state(), spec);
    const facts = plannedFacts(state(), spec);
    const call = engine.call({ type: 'load', spec, ...(threads === undefined ? {} : { threads }), ...(facts ? { facts } : {}) }, { onProgress: progress, signal });
    inflight = call.catch(() => undefined);
    try {
      const info = await call;
      if (spec.host !== LOCAL_HOST && !info.cacheWarning) recordModelUse(spec.host, spec.model, spec.revision);
      // A load abandoned by a task or model switch has been settled already (see abandonOnSwitch).
      const live = current() && state().load.status === 'loading';
      if (live) {
        state().loadFinished(info, planFor(state(), spec)?.memoryBytes);
        measurePageLater(info);
      }
      // The files are cached now (or not, after a cache error): refresh what the plan says about them.
      if (current()) checks.refreshPlan(spec);
      return live;
    } catch (error) {
      if (current() && state().load.status === 'loading') state().loadFailed(toWire(error));
      // Damaged files were dropped or never cached: what the plan says is cached has changed.
      const name = toWire(error).name;
      if (name === 'DamagedCacheError' || name === 'DamagedDownloadError') checks.refreshPlan(spec);
      return false;
    }
  }

  /**
   * Switching task, or choosing another model for the task being loaded, abandons that load: its downloads
   * are aborted at once (the worker stops them) instead of running on and holding up the next load.
   */
  function abandonOnSwitch(next: AppState, previous: AppState): void {
    const { load } = next;
    if (load.status !== 'loading' || !load.spec) return;
    const task = load.spec.task;
    const switched = next.task !== previous.task && next.task !== task;
    const otherModel = next.modelByTask[task] !== previous.modelByTask[task];
    if (!switched && !otherModel) return;
    abort?.abort();
    state().modelDropped(`Stopped loading ${load.spec.model}: you chose another ${switched ? 'task' : 'model'}. Nothing half-downloaded was kept.`);
  }

  /** Adds the page's memory to the load it was measured after, if that load is still the one shown. */
  function measurePageLater(info: LoadedInfo): void {
    void measurePageMemory().then((pageBytes) => {
      if (pageBytes !== undefined && state().load.info === info) state().loadMeasured({ pageBytes });
    });
  }

  return { loadModel, cancelLoad: () => abort?.abort(), abandonOnSwitch };
}
