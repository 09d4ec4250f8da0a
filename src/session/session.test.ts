import { describe, expect, it } from 'vitest';
import { DamagedCacheError, InferenceError } from '../protocol/errors';
import type { LoadedInfo, ModelPlan } from '../protocol/messages';
import { createMemoryStore, type AppStore } from '../store';
import { SHOW_RUNNING_AFTER_MS, partialOf, shownRun } from '../store/runs-slice';
import { FakeEngine } from './fake-engine';
import { createSession } from './index';

const TASK = 'text-classification';
const OTHER_MODEL = 'Xenova/toxic-bert';
const loaded: LoadedInfo = { device: 'wasm', dtype: 'q8', threads: 2, loadMs: 1, bytes: 1, fromCache: true };
const plan = (downloadBytes: number) => ({ downloadBytes, files: [], totalBytes: downloadBytes, available: ['q8'], dtype: 'q8', device: 'wasm', architectures: [] }) as unknown as ModelPlan;
const result = (label: string) => ({ output: [{ label, score: 0.9 }], stats: { latencyMs: 1 } });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A session on a fresh store and a fake engine, on a task whose input is valid. */
function setup() {
  const engine = new FakeEngine();
  engine.auto.plan = () => plan(0);
  engine.auto.dtypes = () => ({ available: ['q8'] });
  const store = createMemoryStore();
  store.getState().setTask(TASK);
  store.getState().setInputFor(TASK, 'I love this movie');
  const session = createSession({ engine, store, settleDefault: () => Promise.resolve() });
  return { engine, store, state: store.getState, session };
}

describe('Run', () => {
  it('runs once when Run is pressed twice before the first run is back (double click on Send)', async () => {
    const { engine, state, session } = setup();
    const first = session.runTask();
    const second = session.runTask();
    expect(second).toBe(first);
    (await engine.nth('load', 0)).resolve(loaded);
    (await engine.nth('run', 0)).resolve(result('POSITIVE'));
    await first;
    expect(engine.of('run')).toHaveLength(1);
    expect(engine.of('load')).toHaveLength(1);
    expect(state().run.status).toBe('done');
    // Once it is back, the next Run is a new run, on the model already loaded.
    const third = session.runTask();
    expect(third).not.toBe(first);
    (await engine.nth('run', 1)).resolve(result('NEGATIVE'));
    await third;
    expect(engine.of('load')).toHaveLength(1);
  });

  it('joins the load in progress when Run is pressed during it: one load, which is not stopped', async () => {
    const { engine, state, session } = setup();
    const load = session.loadModel();
    const firstLoad = await engine.nth('load', 0);
    const run = session.runTask();
    await flush();
    expect(firstLoad.options.signal?.aborted).toBe(false);
    firstLoad.resolve(loaded);
    expect(await load).toBe(true);
    (await engine.nth('run', 0)).resolve(result('POSITIVE'));
    await run;
    expect(engine.of('load')).toHaveLength(1);
    expect(state().run.status).toBe('done');
  });

  it('shows a worker crash mid-run as the run’s error; the next Run loads the model again and works', async () => {
    const { engine, state, session } = setup();
    const run = session.runTask();
    (await engine.nth('load', 0)).resolve(loaded);
    await engine.nth('run', 0);
    engine.crash('out of memory');
    await run;
    expect(state().run).toMatchObject({ status: 'error', errorAt: 'run', error: { name: 'WorkerCrashedError' } });
    expect(state().load.status).toBe('idle');
    expect(state().load.notice).toMatch(/restarted/);
    const again = session.runTask();
    (await engine.nth('load', 1)).resolve(loaded);
    (await engine.nth('run', 1)).resolve(result('POSITIVE'));
    await again;
    expect(state().run.status).toBe('done');
    expect(state().load.status).toBe('ready');
  });

  it('waits for a camera frame in flight before sending the run', async () => {
    const { engine, state, session } = setup();
    const load = session.loadModel();
    (await engine.nth('load', 0)).resolve(loaded);
    await load;
    const frame = session.runLive({ image: 'frame' });
    const live = await engine.nth('run', 0);
    const run = session.runTask();
    await flush();
    expect(engine.of('run')).toHaveLength(1);
    live.resolve(result('FRAME'));
    await frame;
    (await engine.nth('run', 1)).resolve(result('POSITIVE'));
    await run;
    expect(state().run.output).toEqual(result('POSITIVE').output);
  });

  it('publishes streamed partials at most once per frame, and never after the run is done', async () => {
    const { engine, store, state, session } = setup();
    const run = session.runTask();
    (await engine.nth('load', 0)).resolve(loaded);
    const call = await engine.nth('run', 0);
    const seen: unknown[] = [];
    store.subscribe((s, prev) => s.streamed !== prev.streamed && s.run.status === 'running' && seen.push(partialOf(s)));
    for (const chunk of ['a', 'b', 'c']) call.options.onPartial?.(chunk);
    await expect.poll(() => seen.length).toBe(1);
    expect(seen).toEqual(['c']);
    call.options.onPartial?.('d');
    call.resolve(result('POSITIVE'));
    await run;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(seen).toEqual(['c']);
    expect(state().run.status).toBe('done');
  });

  it('does not draw a one-shot run as running until it has lasted SHOW_RUNNING_AFTER_MS', async () => {
    const { engine, store, state, session } = setup();
    const first = session.runTask();
    (await engine.nth('load', 0)).resolve(loaded);
    (await engine.nth('run', 0)).resolve(result('POSITIVE'));
    await first;
    const done = state().run;
    // A short run: the page goes from the last result to the new one, never through "running".
    const drawn: string[] = [];
    const stop = recordDrawn(store, drawn);
    const short = session.runTask();
    const call = await engine.nth('run', 1);
    expect(state().run).toMatchObject({ status: 'running', before: done });
    expect(shownRun(state().run)).toBe(done);
    call.resolve(result('NEGATIVE'));
    await short;
    expect(drawn).toEqual(['done']);
    // A long one is drawn as running once the moment has passed, and its timer is not left behind.
    const long = session.runTask();
    const slow = await engine.nth('run', 2);
    await new Promise((resolve) => setTimeout(resolve, SHOW_RUNNING_AFTER_MS + 20));
    expect(shownRun(state().run)).toMatchObject({ status: 'running', seq: state().run.seq });
    slow.resolve(result('POSITIVE'));
    await long;
    expect(drawn).toEqual(['done', 'running', 'done']);
    stop();
  });

  it('draws a streaming run (text generation) as running at once', async () => {
    const { engine, state, session } = setup();
    state().setTask('text-generation');
    state().setInputFor('text-generation', 'Once upon a time');
    const run = session.runTask();
    (await engine.nth('load', 0)).resolve(loaded);
    const call = await engine.nth('run', 0);
    expect(state().run).toMatchObject({ status: 'running', input: 'Once upon a time' });
    expect(state().run).not.toHaveProperty('before');
    call.resolve({ output: 'there was', stats: { latencyMs: 1 } });
    await run;
    expect(state().run.status).toBe('done');
  });
});

/** Records the status the page draws (`shownRun`) each time it changes. */
function recordDrawn(store: AppStore, drawn: string[]): () => void {
  let last = shownRun(store.getState().run);
  return store.subscribe((s) => {
    const now = shownRun(s.run);
    if (now !== last) drawn.push(now.status);
    last = now;
  });
}

describe('Load', () => {
  it('abandons a load when the task is switched: its late answer never marks it ready', async () => {
    const { engine, state, session } = setup();
    engine.rejectOnAbort = false;
    const load = session.loadModel();
    const call = await engine.nth('load', 0);
    state().setTask('text-generation');
    expect(call.options.signal?.aborted).toBe(true);
    expect(state().load.notice).toMatch(/Stopped loading .* another task/);
    call.resolve(loaded);
    expect(await load).toBe(false);
    expect(state().load.status).toBe('idle');
  });

  it('abandons a load when another model is chosen: its late error is not shown', async () => {
    const { engine, state, session } = setup();
    engine.rejectOnAbort = false;
    const load = session.loadModel();
    const call = await engine.nth('load', 0);
    state().setModel(OTHER_MODEL);
    expect(call.options.signal?.aborted).toBe(true);
    call.reject(new InferenceError('network error'));
    expect(await load).toBe(false);
    expect(state().load.status).toBe('idle');
    expect(state().load.error).toBeUndefined();
    expect(state().load.notice).toMatch(/another model/);
  });

  it('lets a newer load win: the superseded one’s cancellation is not shown as an error', async () => {
    const { engine, state, session } = setup();
    const first = session.loadModel();
    await engine.nth('load', 0);
    state().setDtype('fp32');
    const second = session.loadModel();
    expect(await first).toBe(false);
    (await engine.nth('load', 1)).resolve({ ...loaded, dtype: 'fp32' });
    expect(await second).toBe(true);
    expect(state().load).toMatchObject({ status: 'ready', spec: { dtype: 'fp32' } });
    expect(state().load.error).toBeUndefined();
  });

  it('cancelLoad stops the load in the engine, and the next load starts afresh', async () => {
    const { engine, state, session } = setup();
    const load = session.loadModel();
    const call = await engine.nth('load', 0);
    session.cancelLoad();
    expect(call.options.signal?.aborted).toBe(true);
    expect(await load).toBe(false);
    expect(state().load).toMatchObject({ status: 'error', error: { name: 'CancelledError' } });
    const again = session.loadModel();
    (await engine.nth('load', 1)).resolve(loaded);
    expect(await again).toBe(true);
    expect(state().load.status).toBe('ready');
  });

  it('asks before a download over the threshold, and loads once confirmed', async () => {
    const { engine, state, session } = setup();
    engine.auto.plan = () => plan(500e6);
    engine.auto.load = () => loaded;
    expect(await session.loadModel()).toBe(false);
    expect(state().pendingConfirm).toMatchObject({ bytes: 500e6 });
    expect(engine.of('load')).toHaveLength(0);
    expect(await session.loadModel({ confirmed: true })).toBe(true);
    expect(engine.of('load')).toHaveLength(1);
    expect(state().pendingConfirm).toBeUndefined();
  });

  it('checks the plan again when the load found damaged cached files', async () => {
    const { engine, session } = setup();
    await session.checkPlan();
    const load = session.loadModel();
    (await engine.nth('load', 0)).reject(new DamagedCacheError('damaged'));
    await load;
    await engine.nth('plan', 1);
  });
});

describe('Model checks', () => {
  it('ignores a plan answer for a model no longer chosen', async () => {
    const { engine, state, session } = setup();
    engine.auto.plan = undefined;
    void session.checkPlan();
    const stale = await engine.nth('plan', 0);
    state().setModel(OTHER_MODEL);
    const check = session.checkPlan();
    const fresh = await engine.nth('plan', 1);
    fresh.resolve(plan(7));
    await check;
    stale.resolve(plan(1));
    stale.reject(new Error('late'));
    await flush();
    expect(state().plan).toMatchObject({ status: 'ready', plan: { downloadBytes: 7 } });
    expect(state().plan?.key).toContain(OTHER_MODEL);
  });

  it('ignores a precision answer (or error) for a model no longer chosen', async () => {
    const { engine, state, session } = setup();
    engine.auto.dtypes = undefined;
    void session.checkDtypes();
    const stale = await engine.nth('dtypes', 0);
    state().setModel(OTHER_MODEL);
    const check = session.checkDtypes();
    stale.reject(new InferenceError('host unreachable'));
    await flush();
    expect(state().dtypes).toMatchObject({ status: 'checking' });
    (await engine.nth('dtypes', 1)).resolve({ available: ['fp32', 'q8'] });
    await check;
    expect(state().dtypes).toMatchObject({ status: 'ready', available: ['fp32', 'q8'] });
    expect(state().dtypes?.key).toContain(OTHER_MODEL);
  });
});

describe('an invalid model id', () => {
  it('is never checked or loaded: no request, no "Model not found", only the message next to the field', async () => {
    const { engine, state, session } = setup();
    for (const id of ['not a valid id!!', 'a/b/c/d', '../x']) {
      state().setModel(id);
      await session.checkPlan();
      await session.checkDtypes();
      expect(await session.loadModel()).toBe(false);
      await session.runTask();
      expect(state().load.status).not.toBe('error');
      expect(state().plan?.status).not.toBe('error');
    }
    expect(engine.calls.map((c) => c.request.type).filter((type) => type !== 'probe')).toEqual([]);
  });
});

describe('an empty model field', () => {
  it('is not an invalid id: Run says which model to put where (the load error), with no request for it', async () => {
    const { engine, state, session } = setup();
    state().setModel('');
    await session.runTask();
    expect(state().load.status).toBe('error');
    expect(state().load.error?.name).toBe('NoModelError');
    expect(engine.calls.map((c) => c.request.type).filter((type) => type !== 'probe')).toEqual([]);
  });
});

describe('the worker’s thread count, set before Load', () => {
  const decoderPlan = (bytes: number) =>
    ({ downloadBytes: bytes, files: [{ name: 'onnx/model.onnx', size: bytes }], totalBytes: bytes, available: ['fp32'], dtype: 'fp32', device: 'wasm', architectures: [] }) as unknown as ModelPlan;

  function decoderSetup(bytes: number) {
    const s = setup();
    s.engine.auto.plan = () => decoderPlan(bytes);
    s.state().setTask('text-generation');
    s.state().setModel('org/tiny-decoder');
    return s;
  }

  it('asks for a worker on one thread once a small decoder is planned, and on the cap for a large one', async () => {
    const { engine, state, session } = decoderSetup(1_200_000);
    await flush();
    expect(state().caps?.threads).toBe(2);
    await session.checkPlan();
    expect(engine.startOns.at(-1)).toEqual([1, 2]);
    state().setModel('org/big-decoder');
    engine.auto.plan = () => decoderPlan(100e6);
    await session.checkPlan();
    expect(engine.startOns.at(-1)).toEqual([2, 2]);
  });

  it('does not ask while a model is loaded: it stays usable until another Load', async () => {
    const { engine, state, session } = decoderSetup(100e6);
    await flush();
    const load = session.loadModel();
    (await engine.nth('load', 0)).resolve({ ...loaded, threads: 2 });
    await load;
    expect(state().load.status).toBe('ready');
    const asked = engine.startOns.length;
    state().setModel('org/tiny-decoder-2');
    engine.auto.plan = () => decoderPlan(1_200_000);
    await session.checkPlan();
    expect(state().plan).toMatchObject({ status: 'ready' });
    expect(state().load.status).toBe('ready');
    expect(engine.startOns).toHaveLength(asked);
  });

  it('hands the planned count and the check’s findings to the load, so the worker neither plans nor checks again; none without a plan', async () => {
    const { engine, session } = decoderSetup(1_200_000);
    await flush();
    await session.checkPlan();
    const load = session.loadModel();
    const call = await engine.nth('load', 0);
    expect(call.request).toMatchObject({ type: 'load', threads: 1, facts: { available: ['fp32'], architectures: [] } });
    call.resolve({ ...loaded, threads: 1 });
    await load;

    // A plan that failed gives no count: the worker plans for itself.
    const unplanned = setup();
    unplanned.engine.auto.plan = () => {
      throw new Error('The host did not answer.');
    };
    const second = unplanned.session.loadModel();
    const request = (await unplanned.engine.nth('load', 0)).request;
    expect(request).not.toHaveProperty('threads');
    expect(request).not.toHaveProperty('facts');
    (await unplanned.engine.nth('load', 0)).resolve(loaded);
    await second;
  });
});
