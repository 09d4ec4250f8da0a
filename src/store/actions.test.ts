import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../client/engine-client';
import { checkDtypes, checkPlan, connectEngine, loadModel, runTask } from './actions';
import { useApp } from './index';

/** An engine that answers every request; runs resolve when the test says so, and are counted. */
function fakeEngine() {
  const runs: ((value: unknown) => void)[] = [];
  const engine = {
    onRespawn: () => () => undefined,
    call: (request: { type: string }) => {
      if (request.type === 'run') return new Promise((resolve) => runs.push(resolve));
      if (request.type === 'plan') return Promise.resolve({ downloadBytes: 0, files: [] });
      if (request.type === 'load') return Promise.resolve({ device: 'wasm', dtype: 'q8', loadMs: 1 });
      return Promise.resolve({});
    },
  };
  return { engine: engine as unknown as EngineClient, runs };
}

describe('runTask', () => {
  it('runs once when Run is pressed twice before the first run is back (double click on Send)', async () => {
    const { engine, runs } = fakeEngine();
    connectEngine(engine);
    useApp.getState().setTask('text-classification');
    useApp.getState().setInputFor('text-classification', 'I love this movie');
    const first = runTask();
    const second = runTask();
    expect(second).toBe(first);
    await expect.poll(() => runs.length).toBe(1);
    runs[0]({ output: [{ label: 'POSITIVE', score: 0.9 }], stats: { latencyMs: 1 } });
    await first;
    expect(runs).toHaveLength(1);
    expect(useApp.getState().run.status).toBe('done');
    // Once it is back, the next Run is a new run.
    const third = runTask();
    expect(third).not.toBe(first);
    await expect.poll(() => runs.length).toBe(2);
    runs[1]({ output: [{ label: 'NEGATIVE', score: 0.8 }], stats: { latencyMs: 1 } });
    await third;
  });
});

describe('an invalid model id', () => {
  it('is never checked or loaded: no request, no "Model not found", only the message next to the field', async () => {
    const asked: string[] = [];
    const { engine } = fakeEngine();
    const counting = { ...engine, call: (request: { type: string }, options?: unknown) => (asked.push(request.type), engine.call(request as never, options as never)) };
    connectEngine(counting as unknown as EngineClient);
    useApp.getState().setTask('text-classification');
    for (const id of ['not a valid id!!', 'a/b/c/d', '../x']) {
      useApp.getState().setModel(id);
      asked.length = 0;
      await checkPlan();
      await checkDtypes();
      expect(await loadModel()).toBe(false);
      await runTask();
      expect(asked).toEqual([]);
      expect(useApp.getState().load.status).not.toBe('error');
      expect(useApp.getState().plan?.status).not.toBe('error');
    }
  });
});
