import { afterEach, describe, expect, it, vi } from 'vitest';
import { CancelledError, DtypeUnavailableError, PlaygroundError, WorkerCrashedError } from '../protocol/errors';
import type { Request, WorkerEvent } from '../protocol/messages';
import { EngineClient, type WorkerLike } from './engine-client';

class FakeWorker implements WorkerLike {
  posted: Request[] = [];
  terminated = 0;
  onmessage: ((event: MessageEvent<WorkerEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;

  postMessage(message: Request): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated++;
  }
  /** Delivers an event as the worker thread would. */
  emit(event: WorkerEvent): void {
    this.onmessage?.({ data: event } as MessageEvent<WorkerEvent>);
  }
  crash(message: string): { prevented: boolean } {
    const state = { prevented: false };
    this.onerror?.({ message, preventDefault: () => (state.prevented = true) } as unknown as ErrorEvent);
    return state;
  }
  idOf(type: Request['type']): number {
    const request = this.posted.find((r) => r.type === type);
    if (!request) throw new Error(`no ${type} request posted`);
    return request.id;
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const factory = vi.fn(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  const client = new EngineClient(factory);
  return { client, workers, factory, worker: () => workers[workers.length - 1] };
}

const SPEC = {
  task: 'text-classification',
  pipeline: 'text-classification',
  model: 'org/model',
  host: 'https://huggingface.co/',
  revision: 'main',
  device: 'auto' as const,
  dtype: 'auto' as const,
};

/** Records how a promise settles without letting an unhandled rejection escape. */
function track<T>(promise: Promise<T>) {
  const state: { status: 'pending' | 'resolved' | 'rejected'; value?: T; error?: unknown } = { status: 'pending' };
  promise.then(
    (value) => Object.assign(state, { status: 'resolved', value }),
    (error) => Object.assign(state, { status: 'rejected', error }),
  );
  return state;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('EngineClient', () => {
  describe('with a start gate (the page\'s first paint)', () => {
    function gated() {
      const workers: FakeWorker[] = [];
      const factory = vi.fn(() => {
        const worker = new FakeWorker();
        workers.push(worker);
        return worker;
      });
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const client = new EngineClient(factory, gate);
      return { client, workers, factory, open };
    }

    it('holds the start-up probe until the gate opens, then posts it to the new worker', async () => {
      const { client, workers, factory, open } = gated();
      void client.call({ type: 'probe' });
      expect(factory).not.toHaveBeenCalled();
      open();
      await Promise.resolve();
      await Promise.resolve();
      expect(factory).toHaveBeenCalledTimes(1);
      expect(workers[0].posted.map((r) => r.type)).toEqual(['probe']);
    });

    it('starts at once for anything but the probe, posting what waited first', () => {
      const { client, workers, factory } = gated();
      void client.call({ type: 'probe' });
      void client.call({ type: 'plan', spec: SPEC });
      expect(factory).toHaveBeenCalledTimes(1);
      expect(workers[0].posted.map((r) => r.type)).toEqual(['probe', 'plan']);
    });

    it('rejects a request cancelled before the worker started, without posting it', async () => {
      const { client, workers, open } = gated();
      const controller = new AbortController();
      const probe = track(client.call({ type: 'probe' }, { signal: controller.signal }));
      controller.abort();
      await Promise.resolve();
      expect(probe.status).toBe('rejected');
      expect(probe.error).toBeInstanceOf(CancelledError);
      open();
      await Promise.resolve();
      await Promise.resolve();
      expect(workers[0].posted).toEqual([]);
    });
  });

  it('spawns one worker on construction and posts requests with fresh ids', () => {
    const { client, factory, worker } = setup();
    expect(factory).toHaveBeenCalledTimes(1);
    void client.call({ type: 'probe' });
    void client.call({ type: 'unload' });
    const [a, b] = worker().posted;
    expect(a).toEqual({ id: a.id, type: 'probe' });
    expect(b).toEqual({ id: b.id, type: 'unload' });
    expect(a.id).not.toBe(b.id);
  });

  it('correlates results by id when they arrive out of order', async () => {
    const { client, worker } = setup();
    const probe = client.call({ type: 'probe' });
    const unload = client.call({ type: 'unload' });
    const w = worker();
    w.emit({ id: w.idOf('unload'), type: 'result', data: { unloaded: true } });
    w.emit({ id: w.idOf('probe'), type: 'result', data: { threads: 4 } });
    await expect(unload).resolves.toEqual({ unloaded: true });
    await expect(probe).resolves.toEqual({ threads: 4 });
  });

  it('ignores events for unknown or already-settled ids', async () => {
    const { client, worker } = setup();
    const probe = client.call({ type: 'probe' });
    const w = worker();
    const id = w.idOf('probe');
    w.emit({ id: 999, type: 'result', data: 'stray' });
    w.emit({ id, type: 'result', data: 'first' });
    w.emit({ id, type: 'result', data: 'second' });
    w.emit({ id, type: 'error', error: { name: 'InferenceError', message: 'late' } });
    await expect(probe).resolves.toBe('first');
  });

  it('routes progress and partial events to the right call only', async () => {
    const { client, worker } = setup();
    const loadProgress = vi.fn();
    const loadPartial = vi.fn();
    const runProgress = vi.fn();
    const runPartial = vi.fn();
    const load = client.call({ type: 'load', spec: SPEC }, { onProgress: loadProgress, onPartial: loadPartial });
    const run = client.call({ type: 'run', task: SPEC.task, input: 'x', params: {} }, { onProgress: runProgress, onPartial: runPartial });
    const w = worker();
    const loadId = w.idOf('load');
    const runId = w.idOf('run');

    const progress = { phase: 'download' as const, loaded: 1, total: 2, files: { 'a.onnx': { loaded: 1, total: 2 } } };
    w.emit({ id: loadId, type: 'progress', ...progress });
    w.emit({ id: runId, type: 'partial', data: 'tok' });
    w.emit({ id: runId, type: 'partial', data: 'en' });

    expect(loadProgress).toHaveBeenCalledTimes(1);
    expect(loadProgress.mock.calls[0][0]).toMatchObject(progress);
    expect(runPartial.mock.calls).toEqual([['tok'], ['en']]);
    expect(loadPartial).not.toHaveBeenCalled();
    expect(runProgress).not.toHaveBeenCalled();

    w.emit({ id: loadId, type: 'result', data: { device: 'wasm' } });
    w.emit({ id: runId, type: 'result', data: { output: 1, stats: { latencyMs: 2 } } });
    await expect(load).resolves.toEqual({ device: 'wasm' });
    await expect(run).resolves.toEqual({ output: 1, stats: { latencyMs: 2 } });

    // Events after the call settled reach nobody.
    w.emit({ id: loadId, type: 'progress', ...progress });
    expect(loadProgress).toHaveBeenCalledTimes(1);
  });

  it('rejects an error event with the named error class and its hint', async () => {
    const { client, worker } = setup();
    const load = client.call({ type: 'load', spec: SPEC });
    const w = worker();
    w.emit({ id: w.idOf('load'), type: 'error', error: { name: 'DtypeUnavailableError', message: 'no q4', hint: 'Pick fp32.' } });
    const error = await load.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DtypeUnavailableError);
    expect(error).toBeInstanceOf(PlaygroundError);
    expect(error).toMatchObject({ name: 'DtypeUnavailableError', message: 'no q4', hint: 'Pick fp32.' });
  });

  it('rejects an unknown error name as a PlaygroundError (InferenceError)', async () => {
    const { client, worker } = setup();
    const probe = client.call({ type: 'probe' });
    const w = worker();
    w.emit({ id: w.idOf('probe'), type: 'error', error: { name: 'WeirdError', message: 'huh' } });
    const error = await probe.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlaygroundError);
    expect(error).toMatchObject({ name: 'InferenceError', message: 'huh' });
  });

  it('posts a cancel message for the aborted call', () => {
    const { client, worker } = setup();
    const controller = new AbortController();
    void client.call({ type: 'run', task: SPEC.task, input: 'x', params: {} }, { signal: controller.signal }).catch(() => undefined);
    const w = worker();
    const runId = w.idOf('run');
    controller.abort();
    const cancel = w.posted.find((r) => r.type === 'cancel');
    expect(cancel).toMatchObject({ type: 'cancel', target: runId });
    expect(cancel!.id).not.toBe(runId);
  });

  it('replaces the worker when a cancelled call does not end within the grace period', async () => {
    vi.useFakeTimers();
    const { client, workers, factory } = setup();
    const respawned = vi.fn();
    client.onRespawn(respawned);
    const controller = new AbortController();
    const run = track(client.call({ type: 'run', task: SPEC.task, input: 'x', params: {} }, { signal: controller.signal }));
    const other = track(client.call({ type: 'probe' }));
    const old = workers[0];

    controller.abort();
    await vi.advanceTimersByTimeAsync(1499);
    expect(run.status).toBe('pending');
    expect(old.terminated).toBe(0);

    await vi.advanceTimersByTimeAsync(1);
    expect(run.status).toBe('rejected');
    expect(run.error).toBeInstanceOf(CancelledError);
    expect(other.status).toBe('rejected');
    expect(other.error).toBeInstanceOf(WorkerCrashedError);
    expect(old.terminated).toBe(1);
    expect(factory).toHaveBeenCalledTimes(2);
    expect(respawned).toHaveBeenCalledTimes(1);
    expect(typeof respawned.mock.calls[0][0]).toBe('string');

    // The new worker takes new calls; the old one gets nothing more.
    const next = client.call({ type: 'probe' });
    const fresh = workers[1];
    expect(fresh.posted).toHaveLength(1);
    fresh.emit({ id: fresh.idOf('probe'), type: 'result', data: 'fresh' });
    await expect(next).resolves.toBe('fresh');
  });

  it('stops notifying a respawn listener once it unsubscribes', async () => {
    vi.useFakeTimers();
    const { client } = setup();
    const listener = vi.fn();
    const unsubscribe = client.onRespawn(listener);
    unsubscribe();
    const controller = new AbortController();
    void client.call({ type: 'run', task: SPEC.task, input: 'x', params: {} }, { signal: controller.signal }).catch(() => undefined);
    controller.abort();
    await vi.advanceTimersByTimeAsync(1500);
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps the worker when the cancelled call ends within the grace period', async () => {
    vi.useFakeTimers();
    const { client, workers, factory } = setup();
    const respawned = vi.fn();
    client.onRespawn(respawned);
    const controller = new AbortController();
    const run = client.call({ type: 'run', task: SPEC.task, input: 'x', params: {} }, { signal: controller.signal });
    const other = track(client.call({ type: 'probe' }));
    const w = workers[0];
    controller.abort();
    await vi.advanceTimersByTimeAsync(500);
    w.emit({ id: w.idOf('run'), type: 'result', data: { output: 'partial answer', stats: { latencyMs: 1 } } });
    await expect(run).resolves.toEqual({ output: 'partial answer', stats: { latencyMs: 1 } });

    await vi.advanceTimersByTimeAsync(5000);
    expect(w.terminated).toBe(0);
    expect(factory).toHaveBeenCalledTimes(1);
    expect(respawned).not.toHaveBeenCalled();
    expect(other.status).toBe('pending');
  });

  it('rejects pending calls with WorkerCrashedError and respawns when the worker errors', async () => {
    const { client, workers, factory } = setup();
    const respawned = vi.fn();
    client.onRespawn(respawned);
    const a = track(client.call({ type: 'probe' }));
    const b = track(client.call({ type: 'load', spec: SPEC }));
    const { prevented } = workers[0].crash('out of memory');
    await Promise.resolve();
    await Promise.resolve();

    expect(a.status).toBe('rejected');
    expect(b.status).toBe('rejected');
    expect(a.error).toBeInstanceOf(WorkerCrashedError);
    expect(b.error).toBeInstanceOf(WorkerCrashedError);
    expect((a.error as Error).message).toContain('out of memory');
    expect((a.error as WorkerCrashedError).hint).toBeTruthy();
    expect(prevented).toBe(true);
    expect(workers[0].terminated).toBe(1);
    expect(factory).toHaveBeenCalledTimes(2);
    expect(respawned).toHaveBeenCalledWith('out of memory');

    // The replacement worker is wired up.
    const next = client.call({ type: 'unload' });
    workers[1].emit({ id: workers[1].idOf('unload'), type: 'result', data: { unloaded: false } });
    await expect(next).resolves.toEqual({ unloaded: false });
  });

  it('rejects immediately without posting when the signal is already aborted', async () => {
    const { client, worker } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(client.call({ type: 'load', spec: SPEC }, { signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(worker().posted).toEqual([]);
  });

  it('dispose terminates the worker and rejects pending calls', async () => {
    const { client, worker } = setup();
    const probe = client.call({ type: 'probe' });
    client.dispose();
    await expect(probe).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(worker().terminated).toBe(1);
  });

  it('attaches no interrupt buffer when the page is not cross-origin isolated', () => {
    const { client, worker } = setup();
    void client.call({ type: 'run', task: SPEC.task, input: 'x', params: {} });
    const run = worker().posted[0] as Extract<Request, { type: 'run' }>;
    expect(run.interrupt).toBeUndefined();
  });

  describe('when cross-origin isolated', () => {
    const scope = globalThis as { crossOriginIsolated?: boolean };
    let saved: PropertyDescriptor | undefined;

    afterEach(() => {
      if (saved) Object.defineProperty(globalThis, 'crossOriginIsolated', saved);
      else delete scope.crossOriginIsolated;
      saved = undefined;
    });

    function isolate() {
      saved = Object.getOwnPropertyDescriptor(globalThis, 'crossOriginIsolated');
      scope.crossOriginIsolated = true;
    }

    it('sends a SharedArrayBuffer interrupt flag with runs and sets it on abort', () => {
      isolate();
      const { client, worker } = setup();
      const controller = new AbortController();
      void client.call({ type: 'run', task: SPEC.task, input: 'x', params: {} }, { signal: controller.signal }).catch(() => undefined);
      const run = worker().posted[0] as Extract<Request, { type: 'run' }>;
      expect(run.interrupt).toBeInstanceOf(SharedArrayBuffer);
      expect(run.interrupt!.byteLength).toBeGreaterThanOrEqual(4);
      const flag = new Int32Array(run.interrupt!);
      expect(Atomics.load(flag, 0)).toBe(0);
      controller.abort();
      expect(Atomics.load(flag, 0)).toBe(1);
    });

    it('sends no interrupt flag with non-run requests', () => {
      isolate();
      const { client, worker } = setup();
      void client.call({ type: 'load', spec: SPEC });
      expect('interrupt' in worker().posted[0]).toBe(false);
    });
  });

  it('moves a load that asks for another thread count to a fresh worker started with it, with what else was waiting', async () => {
    const { client, workers, worker } = setup();
    void client.call({ type: 'probe', maxThreads: 3, prewarm: false });
    const first = worker();
    first.emit({ id: first.idOf('probe'), type: 'result', data: { threads: 3 } });
    const load = track(client.call({ type: 'load', spec: SPEC }));
    const plan = track(client.call({ type: 'plan', spec: SPEC }));
    first.emit({ id: first.idOf('load'), type: 'result', data: { restartWithThreads: 1 } });
    await Promise.resolve();
    expect(load.status).toBe('pending');
    expect(workers).toHaveLength(2);
    expect(first.terminated).toBe(1);
    const fresh = worker();
    expect(fresh.posted.map((r) => r.type)).toEqual(['probe', 'load', 'plan']);
    expect(fresh.posted[0]).toMatchObject({ maxThreads: 3, threads: 1, prewarm: true });
    expect(fresh.idOf('load')).toBe(first.idOf('load'));
    fresh.emit({ id: fresh.idOf('load'), type: 'result', data: { device: 'wasm', threads: 1 } });
    fresh.emit({ id: fresh.idOf('plan'), type: 'result', data: { files: [] } });
    await Promise.resolve();
    expect(load).toMatchObject({ status: 'resolved', value: { device: 'wasm', threads: 1 } });
    expect(plan.status).toBe('resolved');
  });

  describe('startOn: an idle worker moves to a fresh one on the thread count the planned model wants', () => {
    it('moves a worker prewarmed on the cap, posting its probes in flight again, without a respawn', async () => {
      const { client, workers, worker } = setup();
      const respawns: string[] = [];
      client.onRespawn((reason) => respawns.push(reason));
      const probe = track(client.call({ type: 'probe', maxThreads: 2 }));
      const first = worker();
      expect(client.startOn(1, 2, 'text-generation')).toBe(true);
      expect(first.terminated).toBe(1);
      expect(workers).toHaveLength(2);
      const fresh = worker();
      expect(fresh.posted.map((r) => r.type)).toEqual(['probe', 'probe']);
      expect(fresh.posted[0]).toMatchObject({ maxThreads: 2, threads: 1, prewarm: true, task: 'text-generation' });
      expect(fresh.posted[1].id).toBe(first.idOf('probe'));
      fresh.emit({ id: fresh.posted[1].id, type: 'result', data: { threads: 2 } });
      await Promise.resolve();
      expect(probe).toMatchObject({ status: 'resolved', value: { threads: 2 } });
      expect(respawns).toEqual([]);
      // Already there: nothing more to do.
      expect(client.startOn(1, 2)).toBe(false);
      expect(workers).toHaveLength(2);
      // And back to the cap for a model that wants it.
      expect(client.startOn(2, 2)).toBe(true);
      expect(worker().posted[0]).toMatchObject({ threads: 2, prewarm: true });
    });

    it('stays on a worker already started on that count (a probe with no count means the cap)', () => {
      const { client, workers } = setup();
      void client.call({ type: 'probe', maxThreads: 2, prewarm: true });
      expect(client.startOn(2, 2)).toBe(false);
      void client.call({ type: 'probe', prewarm: true, threads: 1 });
      expect(client.startOn(2, 2)).toBe(false);
      expect(workers).toHaveLength(1);
    });

    it('leaves a worker alone while it has work other than probes, before its runtime was asked to start, or when a load started it', () => {
      const busy = setup();
      void busy.client.call({ type: 'probe', prewarm: true });
      void busy.client.call({ type: 'plan', spec: SPEC });
      expect(busy.client.startOn(1, 2)).toBe(false);
      const unstarted = setup();
      void unstarted.client.call({ type: 'probe', prewarm: false });
      expect(unstarted.client.startOn(1, 2)).toBe(false);
      const byLoad = setup();
      const load = track(byLoad.client.call({ type: 'load', spec: SPEC }));
      byLoad.worker().emit({ id: byLoad.worker().idOf('load'), type: 'error', error: { name: 'InferenceError', message: 'x' } } as WorkerEvent);
      expect(byLoad.client.startOn(1, 2)).toBe(false);
      for (const s of [busy, unstarted, byLoad]) expect(s.workers).toHaveLength(1);
      void load;
    });
  });

  it('gives up on a load that keeps asking for a fresh worker', async () => {
    const { client, worker } = setup();
    const load = track(client.call({ type: 'load', spec: SPEC }));
    worker().emit({ id: worker().idOf('load'), type: 'result', data: { restartWithThreads: 1 } });
    worker().emit({ id: worker().idOf('load'), type: 'result', data: { restartWithThreads: 2 } });
    await Promise.resolve();
    expect(load.status).toBe('rejected');
    expect(load.error).toBeInstanceOf(WorkerCrashedError);
  });
});
