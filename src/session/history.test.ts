import { describe, expect, it, vi } from 'vitest';
import { InferenceError } from '../protocol/errors';
import type { LoadedInfo, ModelPlan } from '../protocol/messages';
import type { FinishedRun, HistoryRecord, HistorySink } from '../history/record';
import { createMemoryStore } from '../store';
import { FakeEngine } from './fake-engine';
import { createSession } from './index';

const TASK = 'text-classification';
const MODEL = 'fixtures/potion-base-4M-sentiment-anchors';
const loaded: LoadedInfo = { device: 'wasm', dtype: 'q8', threads: 2, loadMs: 1, bytes: 1, fromCache: true, memory: { wasmHeapBytes: 5e6 } };
const plan = { downloadBytes: 0, files: [], totalBytes: 0, available: ['q8'], dtype: 'q8', device: 'wasm', architectures: [], memoryBytes: 4e6 } as unknown as ModelPlan;

function setup() {
  const engine = new FakeEngine();
  engine.auto.plan = () => plan;
  engine.auto.dtypes = () => ({ available: ['q8'] });
  const kept: FinishedRun[] = [];
  const history: HistorySink = { save: async (run) => void kept.push(run) };
  const store = createMemoryStore();
  store.getState().setTask(TASK);
  store.getState().setModel(MODEL);
  store.getState().setInputFor(TASK, 'I love this movie');
  const session = createSession({ engine, store, history, settleDefault: () => Promise.resolve() });
  return { engine, store, state: store.getState, session, kept };
}

const record = (over: Partial<HistoryRecord> = {}): HistoryRecord => ({
  id: 'r1', time: 1, task: TASK, model: 'Xenova/toxic-bert', host: 'https://huggingface.co/', revision: 'main',
  dtypeChoice: 'q8', deviceChoice: 'wasm', params: { topk: 1 }, input: 'You are great', inputText: 'You are great',
  status: 'done', output: [{ label: 'toxic', score: 0.1 }], stats: { latencyMs: 4 }, ...over,
});

describe('history sink', () => {
  it('keeps a finished run with its model, settings, input, output and stats', async () => {
    const { engine, session, kept, state } = setup();
    const run = session.runTask();
    (await engine.nth('load', 0)).resolve(loaded);
    (await engine.nth('run', 0)).resolve({ output: [{ label: 'POSITIVE', score: 0.9 }], stats: { latencyMs: 2 } });
    await run;
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ spec: { task: TASK, model: MODEL }, ran: { device: 'wasm', dtype: 'q8' }, input: 'I love this movie', output: [{ label: 'POSITIVE', score: 0.9 }], stats: { latencyMs: 2 } });
    // The measured memory sits beside the plan's estimate for the same load.
    expect(Object.values(state().measured)[0]).toMatchObject({ model: MODEL, memory: { wasmHeapBytes: 5e6 }, estimateBytes: 4e6 });
  });

  it('keeps a failed run with its error', async () => {
    const { engine, session, kept } = setup();
    const run = session.runTask();
    (await engine.nth('load', 0)).resolve(loaded);
    (await engine.nth('run', 0)).reject(new InferenceError('out of memory'));
    await run;
    expect(kept).toHaveLength(1);
    expect(kept[0].error).toMatchObject({ name: 'InferenceError', message: 'out of memory' });
    expect(kept[0].output).toBeUndefined();
  });
});

describe('open a kept run', () => {
  it('restores task, model, settings and input and shows the output without loading or running', async () => {
    const { engine, session, state } = setup();
    await session.openRun(record());
    expect(state()).toMatchObject({ task: TASK, device: 'wasm' });
    expect(state().modelByTask[TASK]).toBe('Xenova/toxic-bert');
    expect(state().dtypeByTask[TASK]).toBe('q8');
    expect(state().paramsByTask[TASK]).toEqual({ topk: 1 });
    expect(state().inputByTask[TASK]).toBe('You are great');
    expect(state().run).toMatchObject({ status: 'done', output: [{ label: 'toxic', score: 0.1 }], stats: { latencyMs: 4 } });
    expect(engine.of('load')).toHaveLength(0);
    expect(engine.of('run')).toHaveLength(0);
  });

  it('shows a kept failure as the run’s error', async () => {
    const { session, state } = setup();
    await session.openRun(record({ status: 'error', output: undefined, stats: undefined, error: { name: 'InferenceError', message: 'boom' } }));
    expect(state().run).toMatchObject({ status: 'error', error: { message: 'boom' } });
  });

  it('restores the run’s model host as a share link’s: for its task only, and held until the user allows it', async () => {
    const { engine, session, state } = setup();
    const other = 'http://10.0.0.7:8080/';
    await session.openRun(record({ host: other, revision: 'v2' }));
    expect(state()).toMatchObject({ host: other, revision: 'v2' });
    expect(state().linkHost).toEqual({ task: TASK, host: other, revision: 'v2', allowed: false, own: { host: 'https://huggingface.co/', revision: 'main' } });
    expect(engine.calls.filter((c) => c.request.type !== 'probe')).toHaveLength(0);
    // Run again on a held host: refused before anything reaches it, with the reason shown as the load's error.
    await session.rerun(record({ host: other, revision: 'v2' }));
    await vi.waitFor(() => expect(state().load.error?.name).toBe('HostNotAllowedError'));
    expect(state().load.error?.message).toContain('10.0.0.7:8080');
    expect(engine.of('load')).toHaveLength(0);
  });

  it('a run on the user’s own host opens on it as it is; on their host at another revision, for that demo only', async () => {
    const { session, state } = setup();
    await session.openRun(record());
    expect(state()).toMatchObject({ host: 'https://huggingface.co/', revision: 'main', linkHost: undefined });
    await session.openRun(record({ revision: 'v1.0' }));
    expect(state()).toMatchObject({ revision: 'v1.0', linkHost: { allowed: true, own: { revision: 'main' } } });
    // Back on the user's own host and revision: the demo's host ends.
    await session.openRun(record());
    expect(state()).toMatchObject({ revision: 'main', linkHost: undefined });
  });

  it('refuses a run (from an imported file) whose host is not an http(s) address, changing nothing', async () => {
    const { session, state } = setup();
    const before = { task: state().task, host: state().host, model: state().modelByTask[TASK] };
    await expect(session.openRun(record({ host: 'javascript:alert(1)' }))).rejects.toThrow('not an http(s) address');
    await expect(session.openRun(record({ revision: '../../etc' + ' x' }))).rejects.toThrow('not a branch, tag or commit');
    expect({ task: state().task, host: state().host, model: state().modelByTask[TASK] }).toEqual(before);
    expect(state().linkHost).toBeUndefined();
  });

  it('refuses a run of a task this app does not have', async () => {
    const { session } = setup();
    await expect(session.openRun(record({ task: 'no-such-task' }))).rejects.toThrow('no-such-task');
  });
});
