// Updates that can come faster than the screen refreshes (a load's progress in load.ts, a run's streamed partials in
// run.ts): only the latest is applied, at most once per frame. A load's progress came as several messages per
// frame, each a store update and a render of 15-20 ms, which together made 60-80 ms main-thread tasks through a
// model's download.

import type { LoadedInfo } from '../protocol/messages';

type Raf = (callback: () => void) => unknown;

const browserRaf: Raf = (callback) =>
  globalThis.requestAnimationFrame ? globalThis.requestAnimationFrame(() => callback()) : setTimeout(callback, 16);

export interface PerFrameOptions {
  /** At least this long between two applied values (ms); the first value after a longer pause goes at the next frame. */
  minGapMs?: number;
  raf?: Raf;
  now?: () => number;
  wait?: (callback: () => void, ms: number) => unknown;
}

/** Returns a function that keeps its latest argument and hands it to `apply` on a later frame. */
export function perFrame<T>(apply: (latest: T) => void, options: PerFrameOptions = {}): (value: T) => void {
  const { minGapMs = 0, raf = browserRaf, now = () => performance.now(), wait = (callback, ms) => setTimeout(callback, ms) } = options;
  let latest: T;
  let queued = false;
  let last = -Infinity;
  const fire = () => {
    queued = false;
    last = now();
    apply(latest);
  };
  return (value) => {
    latest = value;
    if (queued) return;
    queued = true;
    const early = last + minGapMs - now();
    if (early > 0) wait(() => raf(fire), early);
    else raf(fire);
  };
}

/** How often streamed output is drawn, at most, where the model's WASM threads take every core (ms). */
export const SHARED_CORES_PARTIAL_GAP_MS = 100;

/**
 * The least time between two drawn partials of a run on this model: none (each frame) where a core is left for the
 * page, else SHARED_CORES_PARTIAL_GAP_MS. Each drawn partial costs the page's main thread, compositor and GPU process
 * 5–8 ms of CPU on a 2-core machine, taken from the model's two threads: drawing every token of a 135M decoder
 * (~18 tokens/s) made it ~8 % slower than with its text hidden (README, Streamed text and shared cores).
 */
export function partialGapMs(info: Pick<LoadedInfo, 'device' | 'threads'> | undefined, cores = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  if (!info || info.device !== 'wasm') return 0;
  return info.threads >= cores ? SHARED_CORES_PARTIAL_GAP_MS : 0;
}
