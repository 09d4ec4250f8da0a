// The camera's continuous inference: one prepared frame at a time, outside the run history.
import type { RunStats } from '../protocol/messages';
import type { SessionDeps } from './deps';
import type { Loader } from './load';
import { sameAsLoaded, specOf } from './spec';

export interface Live {
  /**
   * Runs the current task on one prepared input, loading the model first if needed. The caller sends
   * the next frame only when this resolves.
   */
  runLive(prepared: unknown): Promise<{ output: unknown; stats: RunStats }>;
  /** Settles when the frame in flight, if any, is done (a Run waits for it). */
  frameSettled(): Promise<unknown>;
}

export function createLive({ engine, store }: SessionDeps, loader: Loader): Live {
  const state = store.getState;
  let frame: Promise<unknown> = Promise.resolve();

  async function runLive(prepared: unknown): Promise<{ output: unknown; stats: RunStats }> {
    const taskId = state().task;
    if (!sameAsLoaded(state(), specOf(state())) && !(await loader.loadModel())) {
      throw new Error('The model could not be loaded; see the message above.');
    }
    const call = engine.call({ type: 'run', task: taskId, input: prepared, params: state().paramsByTask[taskId] ?? {} });
    frame = call.catch(() => undefined);
    return call;
  }

  return { runLive, frameSettled: () => frame };
}
