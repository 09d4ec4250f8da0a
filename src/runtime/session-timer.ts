/**
 * Time spent inside onnxruntime's `session.run`, per run: what the model itself costs, against the run's whole
 * latency (decode, resize and normalise, tokenizing, logits processing, post-processing). The app shows it beside
 * the latency; the bench's bare page uses the same wrapper, so both columns split their runs the same way.
 */

interface RunnableSession {
  run: (...args: never[]) => Promise<unknown>;
  inputNames?: unknown;
}

const isSession = (value: unknown): value is RunnableSession =>
  typeof value === 'object' && value !== null && typeof (value as RunnableSession).run === 'function' && Array.isArray((value as RunnableSession).inputNames);

/**
 * The onnxruntime sessions a loaded pipeline holds: a Transformers.js model's `sessions`, or sessions kept
 * directly on the object (the OCR task's detection and recognition).
 */
export function sessionsOf(pipe: unknown): RunnableSession[] {
  if (typeof pipe !== 'object' && typeof pipe !== 'function') return [];
  if (pipe === null) return [];
  const holder = pipe as { model?: { sessions?: Record<string, unknown> } } & Record<string, unknown>;
  const candidates = [...Object.values(holder.model?.sessions ?? {}), ...Object.values(holder)];
  return [...new Set(candidates.filter(isSession))];
}

const WRAPPED = Symbol('session-timer');

/** A clock that sums the time every session of a pipeline spends in `run`; `take()` reads and resets it. */
export class SessionClock {
  private total = 0;
  private calls = 0;

  /** Wraps each session's `run` once (a session already wrapped by another clock keeps that one). */
  attach(pipe: unknown): this {
    for (const session of sessionsOf(pipe)) {
      const marked = session as RunnableSession & { [WRAPPED]?: true };
      if (marked[WRAPPED]) continue;
      const run = session.run.bind(session);
      marked.run = (async (...args: never[]) => {
        const start = performance.now();
        try {
          return await run(...args);
        } finally {
          this.total += performance.now() - start;
          this.calls += 1;
        }
      }) as RunnableSession['run'];
      marked[WRAPPED] = true;
    }
    return this;
  }

  /** Milliseconds inside `run` and how many calls since the last take, then starts again from zero. */
  take(): { ms: number; calls: number } {
    const taken = { ms: this.total, calls: this.calls };
    this.total = 0;
    this.calls = 0;
    return taken;
  }
}
