import { CancelledError, InvalidInputError, NotLoadedError, toWire } from '../protocol/errors';
import type { Capabilities, Device, LoadedInfo, LoadSpec, MeasuredMemory, ModelFacts, Request, ResultOf, ThreadSwitch, WorkerEvent } from '../protocol/messages';
import { threadsFor } from '../protocol/thread-choice';
import { LOCAL_HOST } from '../models/local-ref';
import type { LoadedPipeline, ProgressUpdate, Runtime } from '../runtime/types';
import type { TaskRunner } from '../tasks/types';
import { SessionClock } from '../runtime/session-timer';
import { outputMismatch } from './output-fit';

type Post = (event: WorkerEvent) => void;
type RunnerFor = (task: string) => Promise<TaskRunner>;

interface Current {
  spec: LoadSpec;
  loaded: LoadedPipeline;
  info: LoadedInfo;
}

const sameSpec = (a: LoadSpec, b: LoadSpec) =>
  a.task === b.task && a.model === b.model && a.host === b.host && a.revision === b.revision && a.device === b.device && a.dtype === b.dtype;

/** Dispatches worker requests to the runtime and task runners; everything here is testable with a fake runtime. */
export function createHandler(runtime: Runtime, post: Post, runnerFor: RunnerFor) {
  let caps: Promise<Capabilities> | undefined;
  let current: Current | undefined;
  let loading: Promise<unknown> = Promise.resolve();
  const running = new Map<number, AbortController>();
  // Time inside onnxruntime's session.run, per run (RunStats.modelMs).
  const clock = new SessionClock();
  // Loads too: cancelling one aborts its downloads, so the next load need not wait for them (or for a new worker).
  const loads = new Map<number, AbortController>();
  // Model checks run one at a time: concurrent checks fetch the same files at once, and in Chromium a
  // second request for a URL can stall behind the first one's HTTP-cache entry.
  let checking: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T,>(work: () => Promise<T>): Promise<T> => {
    const next = checking.then(work);
    checking = next.catch(() => undefined);
    return next;
  };

  // The first probe fixes the thread cap; onnxruntime starts its threads once per worker, with the count the
  // probe asks for (a worker started for one model, see ThreadSwitch) or else the cap.
  let maxThreads: number | undefined;
  let startThreads: number | undefined;
  const capabilities = () => (caps ??= runtime.probe(maxThreads));
  const withStartThreads = (found: Capabilities): Capabilities =>
    startThreads === undefined ? found : { ...found, threads: Math.min(found.threads, startThreads) };
  // Compiling the WASM takes both cores of a small machine for a while: it starts when the page asks
  // (a probe, once the page is idle) or when a model loads, not whenever capabilities are first read.
  let prewarmed = false;
  const prewarm = (found: Capabilities) => {
    if (prewarmed) return;
    prewarmed = true;
    void runtime.prewarm(withStartThreads(found));
  };

  /** The thread count this load should run on, and whether that needs a fresh worker (see ThreadSwitch). */
  async function threadsForLoad(spec: LoadSpec, found: Capabilities, given: number | undefined): Promise<{ threads: number; restart: boolean }> {
    const running = runtime.wasmThreads?.();
    // A folder picked from disk is registered in this worker only: it stays here, on whatever threads it has.
    if (spec.host === LOCAL_HOST) return { threads: running ?? withStartThreads(found).threads, restart: false };
    // The page's plan of this model gave the count (thread-choice.ts): no need to fetch and plan it again here.
    if (given !== undefined && given >= 1) {
      const threads = Math.min(Math.floor(given), found.threads);
      return { threads, restart: running !== undefined && running !== threads };
    }
    const decoder = spec.pipeline === 'text-generation' && runtime.plan;
    const planned = decoder ? await oneAtATime(() => runtime.plan!(spec, found)).catch(() => undefined) : undefined;
    const threads = threadsFor(spec.pipeline, planned, found.threads);
    return { threads, restart: running !== undefined && running !== threads };
  }

  async function load(id: number, spec: LoadSpec, signal: AbortSignal, given?: number, facts?: ModelFacts): Promise<LoadedInfo | ThreadSwitch> {
    if (signal.aborted) throw new CancelledError('Stopped.');
    if (current && sameSpec(current.spec, spec)) return current.info;
    if (current) {
      const previous = current;
      current = undefined;
      await runtime.dispose(previous.loaded.pipe);
    }
    const start = performance.now();
    const found = await capabilities();
    const choosing = performance.now();
    const { threads, restart } = await threadsForLoad(spec, found, given);
    performance.measure('load:threads', { start: choosing, end: performance.now() });
    if (restart) return { restartWithThreads: threads };
    const caps = { ...found, threads };
    const heapBefore = runtime.memory?.().wasmHeapBytes;
    const importing = performance.now();
    const runner = await runnerFor(spec.task);
    performance.measure('load:runner', { start: importing, end: performance.now() });
    const onProgress = (update: ProgressUpdate) => post({ id, type: 'progress', ...update });
    const loaded = runner.load
      ? await runner.load(spec, { caps, onProgress, ready: runtime.prewarm(caps) })
      : await runtime.load(spec, caps, onProgress, signal, runner.attach?.bind(runner), facts);
    clock.attach(loaded.pipe);
    try {
      post({ id, type: 'progress', phase: 'warmup', loaded: loaded.bytes, total: loaded.bytes, files: {} });
      const warmStart = performance.now();
      await runner.warmup(loaded.pipe);
      // On the worker's timeline with the load's other spans (transformers-runtime.ts), for a profile or the bench.
      performance.measure('load:warmup', { start: warmStart, end: performance.now() });
    } catch (error) {
      await runtime.dispose(loaded.pipe);
      // A model of another kind (a classifier loaded for embeddings…) fails here in the library's words: say which.
      throw outputMismatch(spec.task, loaded.pipe) ?? error;
    }
    const info: LoadedInfo = {
      device: loaded.device,
      dtype: loaded.dtype,
      threads: runtime.wasmThreads?.() ?? threads,
      fallbackReason: loaded.fallbackReason,
      loadMs: performance.now() - start,
      bytes: loaded.bytes,
      fromCache: loaded.fromCache,
      ...(loaded.cacheWarning ? { cacheWarning: loaded.cacheWarning } : {}),
      ...measured(runtime, loaded.device, heapBefore),
    };
    current = { spec, loaded, info };
    return info;
  }

  async function run(request: Extract<Request, { type: 'run' }>): Promise<ResultOf['run']> {
    if (!current) throw new NotLoadedError('No model is loaded.', 'Load a model first.');
    if (current.spec.task !== request.task) {
      throw new InvalidInputError(`The loaded model is for ${current.spec.task}, not ${request.task}.`, 'Load a model for this task.');
    }
    const controller = new AbortController();
    running.set(request.id, controller);
    const flag = request.interrupt ? new Int32Array(request.interrupt) : undefined;
    const interrupted = () => controller.signal.aborted || (flag !== undefined && Atomics.load(flag, 0) === 1);
    try {
      const runner = await runnerFor(request.task);
      clock.take();
      const start = performance.now();
      const outcome = await runner.run({
        pipe: current.loaded.pipe,
        input: request.input,
        params: request.params as Record<string, number | boolean>,
        interrupted,
        emit: (data) => post({ id: request.id, type: 'partial', data }),
      });
      const latencyMs = performance.now() - start;
      const model = clock.take();
      return { output: outcome.output, stats: { latencyMs, ...(model.calls > 0 ? { modelMs: model.ms } : {}), ...outcome.stats } };
    } finally {
      running.delete(request.id);
    }
  }

  async function dispatch(request: Request): Promise<unknown> {
    switch (request.type) {
      case 'probe': {
        if (!caps) maxThreads = request.maxThreads;
        // Until onnxruntime starts, a probe may still say how many threads to start it with.
        if (!prewarmed && request.threads !== undefined) startThreads = request.threads;
        const found = await capabilities();
        if (request.prewarm !== false) {
          prewarm(found);
          if (request.task) void runnerFor(request.task).catch(() => undefined);
        }
        return found;
      }
      case 'load': {
        const controller = new AbortController();
        loads.set(request.id, controller);
        const next = loading.then(() => load(request.id, request.spec, controller.signal, request.threads, request.facts)).finally(() => loads.delete(request.id));
        loading = next.catch(() => undefined);
        return next;
      }
      case 'run':
        return run(request);
      case 'cancel': {
        const controller = running.get(request.target) ?? loads.get(request.target);
        controller?.abort(new CancelledError('Stopped by the user.'));
        return { cancelled: Boolean(controller) } satisfies ResultOf['cancel'];
      }
      case 'unload': {
        // After the loads already asked for: a cancelled load still finishing would otherwise install its
        // model after this unload, and the next load of the same model would find it warm.
        const next = loading.then(async () => {
          const previous = current;
          current = undefined;
          if (previous) await runtime.dispose(previous.loaded.pipe);
          return { unloaded: Boolean(previous) } satisfies ResultOf['unload'];
        });
        loading = next.catch(() => undefined);
        return next;
      }
      case 'dtypes': {
        const runner = await runnerFor(request.spec.task).catch(() => undefined);
        const report = await oneAtATime(() => (runner?.inspect ? runner.inspect(request.spec) : runtime.inspect(request.spec)));
        return { available: report.available, defaultDtype: typeof report.configDtype === 'string' ? report.configDtype : undefined };
      }
      case 'plan': {
        if (!runtime.plan) throw new InvalidInputError('This engine cannot plan a load.');
        const caps = await capabilities();
        return oneAtATime(() => runtime.plan!(request.spec, caps));
      }
      case 'local-folder': {
        if (!runtime.registerLocal) throw new InvalidInputError('This engine cannot open local folders.');
        return { name: request.name, files: await runtime.registerLocal(request.name, request.files) } satisfies ResultOf['local-folder'];
      }
    }
  }

  return {
    async handle(request: Request): Promise<void> {
      try {
        post({ id: request.id, type: 'result', data: await dispatch(request) });
      } catch (error) {
        post({ id: request.id, type: 'error', error: toWire(error) });
      }
    },
  };
}

/** The memory a load left in use, where the runtime can measure it (GPU bytes on WebGPU only). */
function measured(runtime: Runtime, device: Device, heapBefore: number | undefined): Pick<LoadedInfo, 'memory'> {
  const now = runtime.memory?.();
  if (!now) return {};
  const memory: MeasuredMemory = { wasmHeapBytes: now.wasmHeapBytes };
  if (heapBefore !== undefined) memory.wasmHeapGrowthBytes = Math.max(0, now.wasmHeapBytes - heapBefore);
  if (device === 'webgpu' && now.gpuBufferBytes !== undefined) memory.gpuBufferBytes = now.gpuBufferBytes;
  return { memory };
}
