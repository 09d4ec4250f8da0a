// A Run of the open task: validate its input, load the model if needed, stream its partials (at most
// one store update per frame) and record its result. One run per task at a time, by construction.
import { toWire } from '../protocol/errors';
import { findTask } from '../tasks/registry';
import { isOneShot } from '../tasks/types';
import type { SessionDeps } from './deps';
import type { Live } from './live';
import type { Loader } from './load';
import { checkedModel, sameAsLoaded, specOf } from './spec';
import { partialGapMs, perFrame } from './per-frame';
import { SHOW_RUNNING_AFTER_MS } from '../store/runs-slice';

export interface Runner {
  /** A second Run while one is starting, loading or running (a double click on Send) joins it. */
  runTask(): Promise<void>;
  stopRun(): void;
}

export function createRunner({ engine, store, history }: SessionDeps, loader: Loader, live: Live): Runner {
  const state = store.getState;
  const runsInFlight = new Map<string, Promise<void>>();
  let abort: AbortController | undefined;

  function runTask(): Promise<void> {
    const taskId = state().task;
    const running = runsInFlight.get(taskId);
    if (running) return running;
    const run = runOnce(taskId).finally(() => runsInFlight.delete(taskId));
    runsInFlight.set(taskId, run);
    return run;
  }

  async function runOnce(taskId: string): Promise<void> {
    const task = findTask(taskId);
    if (!task) return;
    const view = await task.view();
    let input = state().inputByTask[taskId] ?? view.defaultInput;
    // What the panel is given (tasks/types.ts, PanelContext): e.g. translation's languages depend on the model.
    const context = {
      model: state().modelByTask[taskId] ?? '',
      params: state().paramsByTask[taskId] ?? {},
      caps: state().caps,
      ...(taskId === state().task ? checkedModel(state()) : {}),
    };
    if (view.beforeRun) {
      input = view.beforeRun(input, context);
      state().setInputFor(taskId, input);
    }
    const problem = view.validate(input, context);
    if (problem) {
      state().runStarted(taskId, input);
      state().runFailed({ name: 'InvalidInputError', message: problem }, 'input');
      return;
    }
    if (!sameAsLoaded(state(), specOf(state())) && !(await loader.loadModel())) return;
    abort = new AbortController();
    // A one-shot view shows a run as running only once it has lasted a moment (runs-slice.ts, shownRun); a
    // streaming one (chat, generation) at once.
    const quiet = isOneShot(view);
    state().runStarted(taskId, input, quiet);
    const seq = state().run.seq;
    const showing = quiet ? setTimeout(() => state().runShown(seq), SHOW_RUNNING_AFTER_MS) : undefined;
    // What the run is kept as in the history, completed with its output or error below.
    const kept = { spec: specOf(state()), ran: state().load.info, params: state().paramsByTask[taskId] ?? {}, input };
    let partial: unknown;
    // Tokens can arrive faster than the screen refreshes: the latest partial, at most once per frame, while the run
    // lasts; less often where the model's threads take every core (partialGapMs).
    const publish = perFrame<unknown>((latest) => state().runPartial(latest, seq), { minGapMs: partialGapMs(state().load.info) });
    try {
      // A camera frame may still be in the worker: let it finish so the model runs one input at a time.
      await live.frameSettled();
      const prepared = view.prepare ? await view.prepare(input, context) : input;
      const result = await engine.call(
        { type: 'run', task: taskId, input: prepared, params: state().paramsByTask[taskId] ?? {} },
        {
          signal: abort.signal,
          onPartial: (chunk) => {
            partial = view.reducePartial ? view.reducePartial(partial, chunk) : chunk;
            publish(partial);
          },
        },
      );
      if (view.applyResult) {
        const current = state().inputByTask[taskId] ?? input;
        state().setInputFor(taskId, view.applyResult(current, result.output, result.stats));
      }
      state().runFinished(result.output, result.stats);
      void history?.save({ ...kept, output: result.output, stats: result.stats });
    } catch (error) {
      const wire = toWire(error);
      state().runFailed(wire, wire.name === 'InvalidInputError' ? 'input' : 'run');
      void history?.save({ ...kept, error: wire });
    } finally {
      clearTimeout(showing);
    }
  }

  return { runTask, stopRun: () => abort?.abort() };
}
