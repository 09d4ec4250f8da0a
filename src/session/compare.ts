// Compare mode's runs: each column loads its model and runs the same input, one column after another in
// the one worker, so only one model is in memory at a time. A column that fails reports its error and the
// next one still runs; stopping (Compare closed, or Stop) aborts the column in flight and skips the rest.
import { CancelledError, InvalidInputError, toWire } from '../protocol/errors';
import type { LoadSpec, LoadedInfo, RunStats } from '../protocol/messages';
import { modelFieldProblem } from '../models/model-field';
import { findTask } from '../tasks/registry';
import type { TaskView } from '../tasks/types';
import { emptyResult, median, type ColumnResult, type CompareColumn, type CompareRequest } from '../compare/types';
import type { SessionDeps } from './deps';
import type { Loader } from './load';
import { specOf } from './spec';
import { partialGapMs, perFrame } from './per-frame';
import { hostHeld, hostNotAllowed } from '../store/link-host';

export interface Comparer {
  /** Runs every column in turn; `onColumn` gets each column's progress. Resolves when all are settled. */
  runCompare(request: CompareRequest, onColumn: (index: number, result: ColumnResult) => void): Promise<void>;
  /** Stops the column in flight and the ones after it (they are reported as stopped). */
  stopCompare(): void;
}

export interface ThreadControl {
  /** The WASM thread count the current worker was started with. */
  current(): number | undefined;
  /** Replaces the worker with one that uses this many threads (undefined: the app's own setting). */
  restartWith(threads: number | undefined): void;
}

const DROPPED = 'Compare loaded other models in the engine, so this model was unloaded. Load it again to continue.';

export function createComparer({ engine, store }: SessionDeps, loader: Loader, threads: ThreadControl): Comparer {
  const state = store.getState;
  let abort: AbortController | undefined;
  let active: Promise<void> | undefined;

  async function runCompare(request: CompareRequest, onColumn: (index: number, result: ColumnResult) => void): Promise<void> {
    abort?.abort();
    await active?.catch(() => undefined);
    const controller = new AbortController();
    abort = controller;
    const run = runAll(request, onColumn, controller.signal);
    active = run;
    return run.finally(() => {
      if (abort === controller) abort = undefined;
    });
  }

  async function runAll(request: CompareRequest, onColumn: (index: number, result: ColumnResult) => void, signal: AbortSignal): Promise<void> {
    const task = findTask(request.task);
    if (!task) return;
    const view = await task.view();
    let input = state().inputByTask[request.task] ?? view.defaultInput;
    // Columns may run different models; the input is made once, as the workspace's model would have it.
    if (view.beforeRun) input = view.beforeRun(input, { model: state().modelByTask[request.task] ?? '', params: state().paramsByTask[request.task] ?? {}, caps: state().caps });
    request.columns.forEach((_, i) => onColumn(i, emptyResult()));
    // The workspace's model is about to leave the worker: say so instead of letting a Run use the wrong one.
    loader.cancelLoad();
    const { load } = state();
    if (load.status === 'ready' || load.status === 'loading') state().modelDropped(DROPPED);
    const appThreads = threads.current();
    for (const [index, column] of request.columns.entries()) {
      if (signal.aborted) {
        onColumn(index, emptyResult('stopped'));
        continue;
      }
      onColumn(index, await runColumn(view, request, column, input, signal, (r) => onColumn(index, r)));
    }
    // Give the workspace back a worker with its own thread count.
    if (threads.current() !== appThreads) threads.restartWith(undefined);
  }

  async function runColumn(
    view: TaskView,
    request: CompareRequest,
    column: CompareColumn,
    input: unknown,
    signal: AbortSignal,
    report: (result: ColumnResult) => void,
  ): Promise<ColumnResult> {
    const result: ColumnResult = { ...emptyResult('loading'), input };
    const update = (patch: Partial<ColumnResult>) => report(Object.assign(result, patch, { stats: { ...result.stats, ...patch.stats } }));
    try {
      const problem = modelFieldProblem(column.model.trim()) ?? (column.model.trim() ? undefined : 'Type a model id for this column.');
      if (problem) throw new InvalidInputError(problem);
      // A linked demo's host gets no request until the user allows it (as for a single load).
      if (hostHeld(state())) throw hostNotAllowed(state().host);
      const context = { model: column.model, params: column.params, caps: state().caps };
      const inputProblem = view.validate(input, context);
      if (inputProblem) throw new InvalidInputError(inputProblem);
      update({ status: 'loading' });
      if (column.threads !== undefined && column.threads !== threads.current()) threads.restartWith(column.threads);
      const spec: LoadSpec = { ...specOf(state()), task: request.task, model: column.model.trim(), dtype: column.dtype, device: column.device };
      // Every column starts cold: the model the worker holds (the workspace's, or the column before's, maybe
      // the same one) is unloaded first, so its load time is a real load and no chat key/value cache kept
      // from an earlier turn or column makes its first token come early (see README, Compare).
      await engine.call({ type: 'unload' }, { signal });
      const started = performance.now();
      const loaded = (await engine.call({ type: 'load', spec }, { signal })) as LoadedInfo;
      update({ status: 'running', loaded, stats: { loadMs: performance.now() - started, latencies: [] } });
      const prepared = view.prepare ? await view.prepare(input, context) : input;
      const latencies: number[] = [];
      let first: RunStats | undefined;
      let output: unknown;
      for (let i = 0; i < Math.max(1, request.runs); i++) {
        let partial: unknown;
        let streaming = true;
        // As the workspace's (run.ts): at most once per frame, less often where the model's threads take every core.
        const publish = perFrame<unknown>((latest) => streaming && update({ partial: latest }), { minGapMs: partialGapMs(loaded) });
        const onPartial = i > 0 ? undefined : (chunk: unknown) => publish((partial = view.reducePartial ? view.reducePartial(partial, chunk) : chunk));
        const answer = await engine.call({ type: 'run', task: request.task, input: prepared, params: column.params }, { signal, onPartial }).finally(() => {
          streaming = false;
        });
        latencies.push(answer.stats.latencyMs);
        first ??= answer.stats;
        output ??= answer.output;
        update({ stats: { latencies: [...latencies], latencyMs: median(latencies) } });
      }
      // A chat column shows its own reply in its own copy of the conversation.
      const shown = view.applyResult && first ? view.applyResult(input, output, first) : input;
      update({ status: 'done', input: shown, output, partial: undefined, stats: { ttftMs: first?.ttftMs, tokensPerSecond: first?.tokensPerSecond, tokens: first?.tokens, latencies } });
    } catch (error) {
      const wire = toWire(error);
      const stopped = signal.aborted || error instanceof CancelledError;
      update({ status: stopped ? 'stopped' : 'error', partial: undefined, error: stopped ? undefined : wire });
    }
    return { ...result };
  }

  return { runCompare, stopCompare: () => abort?.abort() };
}
