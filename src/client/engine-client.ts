import { CancelledError, WorkerCrashedError, fromWire } from '../protocol/errors';
import { isThreadSwitch, type LoadPhase, type FileProgress, type Request, type RequestType, type ResultOf, type WithoutId, type WorkerEvent } from '../protocol/messages';

export interface ProgressEvent {
  phase: LoadPhase;
  loaded: number;
  total: number;
  files: Record<string, FileProgress>;
  /** The host a download has had no data from for a while. */
  stalled?: string;
}

export interface CallOptions {
  onProgress?(event: ProgressEvent): void;
  onPartial?(data: unknown): void;
  signal?: AbortSignal;
}

interface Pending {
  type: RequestType;
  /** As posted, so it can be posted again to a fresh worker (see switchThreads). */
  request: Request;
  /** How often this request moved to a fresh worker for its thread count. */
  switches: number;
  interrupt?: Int32Array;
  resolve(value: unknown): void;
  reject(error: Error): void;
  options: CallOptions;
}

export interface WorkerLike {
  postMessage(message: Request): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerEvent>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** How long a cancelled request may take to wind down before the worker is replaced. */
const CANCEL_GRACE_MS = 1500;

/**
 * The UI's handle on the inference worker: id-correlated calls, progress and partial fan-out,
 * cancellation via AbortSignal, and a fresh worker when the old one dies or cannot be interrupted.
 */
export class EngineClient {
  /** Undefined until the client starts (see the constructor's `startWhen`). */
  private worker: WorkerLike | undefined;
  /** Requests posted before the worker started, in order. */
  private queued: Request[] = [];
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private respawnListeners = new Set<(reason: string) => void>();
  private createWorker: () => WorkerLike;
  /** The thread cap the page asked for (`?threads=`), for workers this client starts on its own. */
  private maxThreads: number | undefined;
  /**
   * What this worker was first asked to start onnxruntime with: absent until a prewarm probe or a load is posted
   * to it; `threads: undefined` means the cap; `'load'`: a load started it, on the count the load chose.
   */
  private started: { threads: number | undefined } | 'load' | undefined;

  /**
   * @param startWhen the worker starts when this settles (the page passes its first paint: the worker's script,
   *   onnxruntime's included, is then not fetched alongside the first screen's); requests made before wait for it.
   *   Without it, the worker starts at once.
   */
  constructor(createWorker: () => WorkerLike, startWhen?: Promise<unknown>) {
    this.createWorker = createWorker;
    if (startWhen) void startWhen.then(() => this.start(), () => this.start());
    else this.start();
  }

  /** Starts the worker now (if not yet), posting what was waiting for it. */
  start(): void {
    if (this.worker) return;
    const worker = (this.worker = this.spawn());
    for (const request of this.queued.splice(0)) this.postTo(worker, request);
  }

  private post(request: Request): void {
    if (this.worker) this.postTo(this.worker, request);
    else this.queued.push(request);
  }

  /** Posts, noting the thread count the worker's onnxruntime will start with when this is what starts it. */
  private postTo(worker: WorkerLike, request: Request): void {
    if ((request.type === 'probe' && request.prewarm !== false) || request.type === 'load') {
      this.started ??= request.type === 'probe' ? { threads: request.threads } : 'load';
    }
    worker.postMessage(request);
  }

  call<R extends WithoutId<Request>>(request: R, options: CallOptions = {}): Promise<ResultOf[R['type']]> {
    const id = this.nextId++;
    return new Promise<ResultOf[R['type']]>((resolve, reject) => {
      if (options.signal?.aborted) return reject(new CancelledError('Cancelled before it started.'));
      const interrupt = request.type === 'run' ? interruptFlag() : undefined;
      if (request.type === 'probe') this.maxThreads = request.maxThreads;
      const posted = { ...request, id, ...(interrupt ? { interrupt: interrupt.buffer } : {}) } as Request;
      this.pending.set(id, { type: request.type, request: posted, switches: 0, interrupt, resolve: resolve as (v: unknown) => void, reject, options });
      options.signal?.addEventListener('abort', () => this.cancel(id), { once: true });
      // Only the start-up probe waits for the page's first paint; anything the user or a check asks for starts it.
      if (request.type !== 'probe') this.start();
      this.post(posted);
    });
  }

  /** Called with a reason whenever the worker was replaced; the loaded model is gone then. */
  onRespawn(listener: (reason: string) => void): () => void {
    this.respawnListeners.add(listener);
    return () => this.respawnListeners.delete(listener);
  }

  dispose(): void {
    this.worker?.terminate();
    this.queued = [];
    this.rejectAll(new WorkerCrashedError('The engine was shut down.'));
  }

  private cancel(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    if (pending.interrupt) Atomics.store(pending.interrupt, 0, 1);
    const waiting = this.queued.findIndex((request) => request.id === id);
    if (waiting >= 0) {
      // Never posted: nothing to wind down.
      this.queued.splice(waiting, 1);
      this.pending.delete(id);
      pending.reject(new CancelledError('Stopped.'));
      return;
    }
    this.post({ id: this.nextId++, type: 'cancel', target: id });
    // Work that cannot be interrupted (a model download, a long single inference) ends by replacing the worker.
    setTimeout(() => {
      const entry = this.pending.get(id);
      if (!entry) return;
      this.pending.delete(id);
      entry.reject(new CancelledError('Stopped.'));
      this.restart('a running task had to be stopped');
    }, CANCEL_GRACE_MS);
  }

  private spawn(): WorkerLike {
    const worker = this.createWorker();
    this.started = undefined;
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      const message = event.message || 'the inference worker crashed';
      this.rejectAll(new WorkerCrashedError(`The inference engine stopped: ${message}`, 'It has been restarted; load the model again.'));
      this.restart(message);
    };
    return worker;
  }

  /**
   * Moves an idle worker to a fresh one whose onnxruntime starts on `threads`, when this one was started on
   * another count (`cap`: what "no count" means): the page does it once it knows the model a Load will ask for,
   * so that the Load does not wait for the switch (see switchThreads). Nothing is lost: only probes may be in
   * flight, and they are posted again to the fresh worker; the caller makes sure no model is loaded. Returns
   * whether it moved. `task`: the task open on the page, whose runner code the fresh worker fetches while it starts.
   */
  startOn(threads: number, cap: number, task?: string): boolean {
    if (!this.worker || typeof this.started !== 'object' || (this.started.threads ?? cap) === threads) return false;
    if ([...this.pending.values()].some((entry) => entry.type !== 'probe')) return false;
    this.moveTo(threads, task);
    return true;
  }

  /** A fresh worker whose onnxruntime starts on `threads`, given every request still waiting for an answer. */
  private moveTo(threads: number, task?: string): void {
    this.worker?.terminate();
    this.queued = [];
    const worker = (this.worker = this.spawn());
    this.started = { threads };
    worker.postMessage({ id: this.nextId++, type: 'probe', maxThreads: this.maxThreads, threads, prewarm: true, ...(task ? { task } : {}) });
    for (const waiting of this.pending.values()) worker.postMessage(waiting.request);
  }

  /** Replaces the worker (calls in flight fail); respawn listeners run, so the fresh one is probed. */
  restart(reason: string): void {
    this.worker?.terminate();
    this.queued = [];
    this.rejectAll(new WorkerCrashedError('The inference engine was restarted.', 'Load the model again.'));
    this.worker = this.spawn();
    for (const listener of this.respawnListeners) listener(reason);
  }

  /**
   * onnxruntime's thread count is fixed once a worker starts it, and a small decoder runs faster on one thread
   * (src/protocol/thread-choice.ts): such a load is answered with the count it wants, and moves to a fresh
   * worker started with it, along with whatever else was waiting. No model is lost: the load replaces it anyway.
   */
  private switchThreads(entry: Pending, threads: number): void {
    entry.switches += 1;
    if (entry.switches > 1) {
      this.pending.delete(entry.request.id);
      entry.reject(new WorkerCrashedError('The engine could not settle on a thread count for this model.', 'Try loading it again.'));
      return;
    }
    this.moveTo(threads);
  }

  private rejectAll(error: Error): void {
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const entry of entries) entry.reject(error);
  }

  private receive(event: WorkerEvent): void {
    const entry = this.pending.get(event.id);
    if (!entry) return;
    switch (event.type) {
      case 'progress':
        entry.options.onProgress?.(event);
        break;
      case 'partial':
        entry.options.onPartial?.(event.data);
        break;
      case 'result':
        if (entry.type === 'load' && isThreadSwitch(event.data)) {
          this.switchThreads(entry, event.data.restartWithThreads);
          break;
        }
        this.pending.delete(event.id);
        entry.resolve(event.data);
        break;
      case 'error':
        this.pending.delete(event.id);
        entry.reject(fromWire(event.error));
        break;
    }
  }
}

/** A shared flag when the page is cross-origin isolated (SharedArrayBuffer is available), else none. */
function interruptFlag(): Int32Array | undefined {
  if (!globalThis.crossOriginIsolated || typeof SharedArrayBuffer === 'undefined') return undefined;
  return new Int32Array(new SharedArrayBuffer(4));
}

export function createEngine(startWhen?: Promise<unknown>): EngineClient {
  return new EngineClient(
    () => new Worker(new URL('../worker/inference.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike,
    startWhen,
  );
}
