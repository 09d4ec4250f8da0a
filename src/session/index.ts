// The session controller: everything the UI asks of the engine (checks, loads, runs, camera frames),
// built from one engine and one store. The app makes one in main.tsx; tests make one per case with a
// fake engine and a fresh store.
import type { LoadSpec } from '../protocol/messages';
import { whenSettled } from '../client/when-idle';
import { defaultSettled } from '../store/host-defaults';
import type { AppStore } from '../store';
import { createChecks, type Checks } from './checks';
import { createComparer, type Comparer } from './compare';
import type { Engine } from './deps';
import { createLive, type Live } from './live';
import { createLoader, type Loader } from './load';
import { createRunner, type Runner } from './run';
import { plannedThreads, specOf } from './spec';
import { createRestorer, type Restorer } from './restore';
import type { HistorySink } from '../history/record';

export type { Engine } from './deps';
export { planKey, specOf } from './spec';

export interface SessionOptions {
  engine: Engine;
  store: AppStore;
  /** onnxruntime's WASM thread cap, kept by every worker the client starts. */
  maxThreads?: number;
  /** Settles once an untouched task's default model is known (the app asks the model host). */
  settleDefault?: () => Promise<void>;
  /** Where runs are kept when they end (the app: IndexedDB); none in tests that do not look. */
  history?: HistorySink;
}

export interface Session extends Omit<Checks, 'refreshPlan'>, Omit<Loader, 'abandonOnSwitch'>, Omit<Live, 'frameSettled'>, Runner, Restorer, Comparer {
  /** What a load of the open task would load now. */
  currentSpec(): LoadSpec;
  /** Stops following the store and the engine (tests; the app's session lives as long as the page). */
  dispose(): void;
}

export function createSession({ engine, store, maxThreads, settleDefault = defaultSettled, history }: SessionOptions): Session {
  const deps = { engine, store, history };
  const checks = createChecks(deps);
  const loader = createLoader(deps, checks, settleDefault);
  const live = createLive(deps, loader);
  const runner = createRunner(deps, loader, live);
  const restorer = createRestorer(deps, runner);
  // Compare columns may ask for their own WASM thread count: that takes a fresh worker probed with it.
  let threadOverride: number | undefined;
  const threadCap = () => threadOverride ?? maxThreads;
  const comparer = createComparer(deps, loader, {
    current: threadCap,
    restartWith: (threads) => {
      threadOverride = threads;
      engine.restart(threads === undefined ? 'back to the app’s thread setting after Compare' : `Compare: a column runs on ${threads} threads`);
    },
  });
  let comparing = 0;
  const stopWatching = watchEngine({ engine, store, threadCap, comparing: () => comparing > 0 });
  const stopAbandoning = store.subscribe(loader.abandonOnSwitch);
  return {
    currentSpec: () => specOf(store.getState()),
    checkPlan: checks.checkPlan,
    checkDtypes: checks.checkDtypes,
    loadModel: loader.loadModel,
    cancelLoad: loader.cancelLoad,
    runTask: runner.runTask,
    stopRun: runner.stopRun,
    runLive: live.runLive,
    openRun: restorer.openRun,
    rerun: restorer.rerun,
    runCompare: (...args) => {
      comparing += 1;
      return comparer.runCompare(...args).finally(() => (comparing -= 1));
    },
    stopCompare: comparer.stopCompare,
    dispose: () => {
      stopWatching();
      stopAbandoning();
    },
  };
}

/** Probes the engine now and after each restart, and drops the model a restart took with it. */
function watchEngine({ engine, store, threadCap, comparing }: { engine: Engine; store: AppStore; threadCap: () => number | undefined; comparing: () => boolean }): () => void {
  const probe = (prewarm: boolean) =>
    engine.call({ type: 'probe', maxThreads: threadCap(), prewarm, ...(prewarm ? { threads: startThreads(store), task: store.getState().task } : {}) });
  const stop = engine.onRespawn(() => {
    // A fresh worker is probed first, so it keeps the same thread limit.
    void probe(true).catch(() => undefined);
    const { load, modelDropped } = store.getState();
    if (load.status === 'ready' || load.status === 'loading') {
      modelDropped('The engine was restarted to stop a task, so the model was unloaded. Load it again to continue.');
    }
  });
  // Capabilities now (they fix the thread limit before any model check); the WASM compile once the page has settled (or at the first key or pointer press).
  probe(false)
    .then((caps) => store.getState().setCaps(caps))
    .catch(() => undefined);
  whenSettled(() => void probe(true).catch(() => undefined));
  // Once the model a Load would ask for is planned, a worker started on another thread count moves to a fresh
  // one now, while the user still looks at the plan, rather than when Load is pressed (the load's own switch,
  // engine-client.ts). Only with no model in the worker (a loaded one stays usable) and no Compare running.
  const stopPreparing = store.subscribe((state, previous) => {
    // Its triggers: the plan's answer, and the end of what may have kept the worker busy when it came.
    if (state.plan === previous.plan && state.caps === previous.caps && state.load.status === previous.load.status && state.dtypes === previous.dtypes) return;
    if (state.load.status === 'ready' || state.load.status === 'loading' || comparing() || !state.caps) return;
    const threads = startThreads(store);
    if (threads !== undefined) engine.startOn(threads, state.caps.threads, state.task);
  });
  return () => {
    stop?.();
    stopPreparing();
  };
}

/**
 * The thread count to start onnxruntime with, when the open task's model is already planned: a small decoder
 * wants one thread, and starting so spares the worker a restart (and a second WASM compile) at its load.
 */
function startThreads(store: AppStore): number | undefined {
  const state = store.getState();
  return plannedThreads(state, specOf(state));
}
