// Updates that can come faster than the screen refreshes (a load's progress in load.ts, a run's streamed partials in
// run.ts): only the latest is applied, at most once per frame. A load's progress came as several messages per
// frame, each a store update and a render of 15-20 ms, which together made 60-80 ms main-thread tasks through a
// model's download.

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
