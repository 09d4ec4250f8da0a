// A stand-in for the engine client in session tests: every call is recorded and waits until the test
// answers it (except the types given an automatic answer), and the worker can "die" the way the real
// client reports it (WorkerCrashedError for every call in flight, then a respawn).
import type { CallOptions } from '../client/engine-client';
import { CancelledError, WorkerCrashedError } from '../protocol/errors';
import type { Capabilities, Request, RequestType, ResultOf, WithoutId } from '../protocol/messages';
import type { Engine } from './deps';

export interface FakeCall<T extends RequestType = RequestType> {
  request: Extract<WithoutId<Request>, { type: T }>;
  options: CallOptions;
  settled: boolean;
  resolve(value: ResultOf[T]): void;
  reject(error: Error): void;
}

const CAPS: Capabilities = { webgpu: { available: false, fallbackAdapter: false, shaderF16: false }, crossOriginIsolated: true, threads: 2 };

export class FakeEngine implements Engine {
  readonly calls: FakeCall[] = [];
  /** Answers given at once, by request type; a call of any other type waits for the test. */
  readonly auto: { [T in RequestType]?: (request: Extract<WithoutId<Request>, { type: T }>) => ResultOf[T] } = {
    probe: () => CAPS,
  };
  /**
   * What the real client gives an aborted call when the worker honours the cancel. False: the call stays
   * open for the test to answer, as when the worker finishes (or fails) the work before it sees the cancel.
   */
  rejectOnAbort = true;
  private listeners = new Set<(reason: string) => void>();
  private waiters: (() => void)[] = [];

  call = ((request: WithoutId<Request>, options: CallOptions = {}) =>
    new Promise((resolve, reject) => {
      if (options.signal?.aborted) return reject(new CancelledError('Cancelled before it started.'));
      const entry: FakeCall = {
        request,
        options,
        settled: false,
        resolve: (value) => entry.settled || ((entry.settled = true), resolve(value as never)),
        reject: (error) => entry.settled || ((entry.settled = true), reject(error)),
      };
      this.calls.push(entry);
      options.signal?.addEventListener('abort', () => this.rejectOnAbort && entry.reject(new CancelledError('Stopped.')), { once: true });
      const answer = this.auto[request.type] as ((r: WithoutId<Request>) => unknown) | undefined;
      if (answer) entry.resolve(answer(request) as never);
      for (const wake of this.waiters.splice(0)) wake();
    })) as Engine['call'];

  onRespawn(listener: (reason: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reasons given to restart(), in order. */
  readonly restarts: string[] = [];

  /** What the real client's restart does: calls in flight fail, then a fresh worker is announced. */
  restart(reason: string): void {
    this.restarts.push(reason);
    this.crash(reason);
  }

  /** The (threads, cap) of every startOn() asked, in order; the fake never moves (nothing to lose in a fake). */
  readonly startOns: [number, number][] = [];

  startOn(threads: number, cap: number, _task?: string): boolean {
    this.startOns.push([threads, cap]);
    return false;
  }

  /** Every call of this type so far. */
  of<T extends RequestType>(type: T): FakeCall<T>[] {
    return this.calls.filter((c) => c.request.type === type) as unknown as FakeCall<T>[];
  }

  /** The `index`-th call of this type, once it has been made. */
  async nth<T extends RequestType>(type: T, index: number): Promise<FakeCall<T>> {
    while (this.of(type).length <= index) await new Promise<void>((wake) => this.waiters.push(wake));
    return this.of(type)[index];
  }

  /** What the real client does when the worker dies: every call in flight fails, then a fresh worker. */
  crash(message = 'out of memory'): void {
    for (const entry of this.calls) {
      entry.reject(new WorkerCrashedError(`The inference engine stopped: ${message}`, 'It has been restarted; load the model again.'));
    }
    for (const listener of this.listeners) listener(message);
  }
}
