import { describe, expect, it } from 'vitest';
import { InferenceError } from '../protocol/errors';
import type { LoadedInfo } from '../protocol/messages';
import { createMemoryStore } from '../store';
import type { ColumnResult, CompareColumn } from '../compare/types';
import { FakeEngine } from './fake-engine';
import { createSession } from './index';

const TASK = 'text-classification';
const loaded: LoadedInfo = { device: 'wasm', dtype: 'q8', threads: 2, loadMs: 5, bytes: 1, fromCache: true };
const answer = (label: string, latencyMs = 1) => ({ output: [{ label, score: 0.9 }], stats: { latencyMs } });
const column = (model: string, extra: Partial<CompareColumn> = {}): CompareColumn => ({ model, dtype: 'auto', device: 'auto', params: {}, ...extra });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(maxThreads?: number) {
  const engine = new FakeEngine();
  engine.auto.unload = () => ({ unloaded: true });
  const store = createMemoryStore();
  store.getState().setTask(TASK);
  store.getState().setInputFor(TASK, 'I love this movie');
  const session = createSession({ engine, store, maxThreads, settleDefault: () => Promise.resolve() });
  const results: ColumnResult[] = [];
  const onColumn = (i: number, r: ColumnResult) => (results[i] = structuredClone(r));
  return { engine, store, session, results, onColumn };
}

describe('Compare', () => {
  it('runs the columns one after another in the one worker, and drops the workspace model it displaced', async () => {
    const { engine, store, session, results, onColumn } = setup();
    store.getState().loadStarted({ task: TASK, pipeline: TASK, model: 'x/y', host: 'h', revision: 'main', device: 'auto', dtype: 'auto' });
    store.getState().loadFinished(loaded);
    const done = session.runCompare({ task: TASK, columns: [column('a/one'), column('b/two')], runs: 1 }, onColumn);
    (await engine.nth('load', 0)).resolve(loaded);
    expect(store.getState().load.status).toBe('idle');
    expect(store.getState().load.notice).toMatch(/Compare loaded other models/);
    await engine.nth('run', 0);
    // The second model is not asked for while the first one is still running.
    expect(engine.of('load')).toHaveLength(1);
    expect(results[1].status).toBe('waiting');
    (await engine.nth('run', 0)).resolve(answer('POSITIVE'));
    (await engine.nth('load', 1)).resolve(loaded);
    (await engine.nth('run', 1)).resolve(answer('entailment'));
    await done;
    expect(engine.of('load').map((c) => c.request.spec.model)).toEqual(['a/one', 'b/two']);
    expect(results.map((r) => r.status)).toEqual(['done', 'done']);
    expect(results[1].output).toEqual([{ label: 'entailment', score: 0.9 }]);
    expect(results[0].stats.loadMs).toBeGreaterThanOrEqual(0);
  });

  it('every column starts cold: the worker’s model (and any chat cache kept with it) is unloaded before each column’s load', async () => {
    const { engine, store, session, results, onColumn } = setup();
    // The workspace holds the same model the first column asks for: it must not be reused warm.
    store.getState().loadStarted({ task: TASK, pipeline: TASK, model: 'a/one', host: 'h', revision: 'main', device: 'auto', dtype: 'auto' });
    store.getState().loadFinished(loaded);
    const done = session.runCompare({ task: TASK, columns: [column('a/one'), column('a/one', { params: { top_k: 1 } })], runs: 1 }, onColumn);
    (await engine.nth('load', 0)).resolve(loaded);
    (await engine.nth('run', 0)).resolve(answer('X'));
    (await engine.nth('load', 1)).resolve(loaded);
    (await engine.nth('run', 1)).resolve(answer('X'));
    await done;
    const order = engine.calls.map((c) => c.request.type).filter((t) => t === 'unload' || t === 'load' || t === 'run');
    expect(order).toEqual(['unload', 'load', 'run', 'unload', 'load', 'run']);
    // The same model twice is loaded twice: both load times are real loads, so both take part in the ★.
    expect(engine.of('load').map((c) => c.request.spec.model)).toEqual(['a/one', 'a/one']);
    expect(results.map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('a column whose model fails shows its error and the next column still runs', async () => {
    const { engine, session, results, onColumn } = setup();
    const done = session.runCompare({ task: TASK, columns: [column('no/such-model'), column('not a model id!'), column('b/two')], runs: 1 }, onColumn);
    (await engine.nth('load', 0)).reject(new InferenceError('Model not found: no/such-model'));
    (await engine.nth('load', 1)).resolve(loaded);
    (await engine.nth('run', 0)).resolve(answer('POSITIVE'));
    await done;
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'done']);
    expect(results[0].error?.message).toMatch(/no\/such-model/);
    // An id that cannot be a model is refused before anything is asked of the worker.
    expect(results[1].error?.name).toBe('InvalidInputError');
    expect(engine.of('load')).toHaveLength(2);
  });

  it('closing Compare aborts the column in flight and skips the rest', async () => {
    const { engine, session, results, onColumn } = setup();
    const done = session.runCompare({ task: TASK, columns: [column('a/one'), column('b/two'), column('c/three')], runs: 1 }, onColumn);
    (await engine.nth('load', 0)).resolve(loaded);
    const run = await engine.nth('run', 0);
    session.stopCompare();
    await done;
    expect(run.settled).toBe(true);
    expect(results.map((r) => r.status)).toEqual(['stopped', 'stopped', 'stopped']);
    expect(results[0].error).toBeUndefined();
    expect(engine.of('load')).toHaveLength(1);
  });

  it('a new compare started during one waits for the old one to wind down (no two loads at once)', async () => {
    const { engine, session, onColumn } = setup();
    const first = session.runCompare({ task: TASK, columns: [column('a/one'), column('b/two')], runs: 1 }, onColumn);
    const firstLoad = await engine.nth('load', 0);
    engine.rejectOnAbort = false;
    const second = session.runCompare({ task: TASK, columns: [column('c/three'), column('d/four')], runs: 1 }, onColumn);
    await flush();
    expect(engine.of('load')).toHaveLength(1);
    firstLoad.reject(new InferenceError('stopped late'));
    await first;
    (await engine.nth('load', 1)).resolve(loaded);
    expect(engine.of('load')[1].request.spec.model).toBe('c/three');
    (await engine.nth('run', 0)).resolve(answer('A'));
    (await engine.nth('load', 2)).resolve(loaded);
    (await engine.nth('run', 1)).resolve(answer('B'));
    await second;
  });

  it('reports the median of N runs, and streams nothing but the first run', async () => {
    const { engine, session, results, onColumn } = setup();
    const done = session.runCompare({ task: TASK, columns: [column('a/one'), column('b/two')], runs: 3 }, onColumn);
    (await engine.nth('load', 0)).resolve(loaded);
    for (const [i, ms] of [30, 10, 20].entries()) (await engine.nth('run', i)).resolve(answer('X', ms));
    (await engine.nth('load', 1)).resolve(loaded);
    for (const i of [3, 4, 5]) (await engine.nth('run', i)).resolve(answer('Y', 7));
    await done;
    expect(results[0].stats.latencies).toEqual([30, 10, 20]);
    expect(results[0].stats.latencyMs).toBe(20);
    expect(engine.of('run')[1].options.onPartial).toBeUndefined();
  });

  it('streams the first run’s partials into its column, the latest at most once per frame, nothing once it ended', async () => {
    const { engine, store, session, results, onColumn } = setup();
    store.getState().setTask('text-generation');
    store.getState().setInputFor('text-generation', 'Once');
    const seen: unknown[] = [];
    const done = session.runCompare({ task: 'text-generation', columns: [column('a/one')], runs: 1 }, (i, r) => {
      onColumn(i, r);
      // Each drawn partial (the column is also told of its stats, with the partial it already has).
      if (r.status === 'running' && r.partial !== undefined && r.partial !== seen.at(-1)) seen.push(r.partial);
    });
    // On one thread of a many-core machine (or two of two): either way the first partial is drawn at the next frame.
    (await engine.nth('load', 0)).resolve({ ...loaded, threads: 1 });
    const run = await engine.nth('run', 0);
    for (const text of [' upon', ' a', ' time']) run.options.onPartial?.({ text });
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toBe(' upon a time');
    run.options.onPartial?.({ text: ' there' });
    run.resolve({ output: { prompt: 'Once', completion: ' upon a time there', stopped: false }, stats: { latencyMs: 5 } });
    await done;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(seen).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'done', output: { completion: ' upon a time there' } });
    expect(results[0].partial).toBeUndefined();
  });

  it('a column with its own thread count gets a fresh worker probed with it, and the app’s worker comes back after', async () => {
    const { engine, session, results, onColumn } = setup(2);
    const done = session.runCompare({ task: TASK, columns: [column('a/one', { threads: 1 }), column('b/two', { threads: 2 })], runs: 1 }, onColumn);
    (await engine.nth('load', 0)).resolve({ ...loaded, threads: 1 });
    expect(engine.restarts).toHaveLength(1);
    const probes = engine.of('probe').map((c) => c.request.maxThreads);
    expect(probes.at(-1)).toBe(1);
    (await engine.nth('run', 0)).resolve(answer('X'));
    (await engine.nth('load', 1)).resolve(loaded);
    (await engine.nth('run', 1)).resolve(answer('X'));
    await done;
    expect(engine.restarts).toHaveLength(2);
    expect(engine.of('probe').at(-1)?.request.maxThreads).toBe(2);
    expect(results[0].loaded?.threads).toBe(1);
  });
});

describe('Compare and the worker’s thread count', () => {
  it('never moves the worker while Compare runs, even when the workspace plans a small decoder meanwhile', async () => {
    const { engine, store, session, onColumn } = setup();
    engine.auto.plan = () => ({ downloadBytes: 1e6, files: [{ name: 'onnx/model.onnx', size: 1e6 }], totalBytes: 1e6, available: ['fp32'], dtype: 'fp32', device: 'wasm', architectures: [] }) as never;
    await flush();
    const done = session.runCompare({ task: TASK, columns: [column('a/one')], runs: 1 }, onColumn);
    (await engine.nth('load', 0)).resolve(loaded);
    store.getState().setTask('text-generation');
    store.getState().setModel('org/tiny-decoder');
    await session.checkPlan();
    expect(store.getState().plan).toMatchObject({ status: 'ready' });
    expect(engine.startOns).toEqual([]);
    (await engine.nth('run', 0)).resolve(answer('POSITIVE'));
    await done;
    // Once it is over, the next plan may move it.
    store.getState().setModel('org/tiny-decoder-2');
    await session.checkPlan();
    expect(engine.startOns).toEqual([[1, 2]]);
  });
});
