// Updates that can come faster than the screen refreshes (a load's progress in load.ts, a run's streamed partials in
// run.ts): only the latest is applied, at most once per frame. A load's progress came as several messages per
// frame, each a store update and a render of 15-20 ms, which together made 60-80 ms main-thread tasks through a
// model's download.

type Raf = (callback: () => void) => unknown;

const browserRaf: Raf = (callback) =>
  globalThis.requestAnimationFrame ? globalThis.requestAnimationFrame(() => callback()) : setTimeout(callback, 16);

/** Returns a function that keeps its latest argument and hands it to `apply` on the next frame. */
export function perFrame<T>(apply: (latest: T) => void, raf: Raf = browserRaf): (value: T) => void {
  let latest: T;
  let queued = false;
  return (value) => {
    latest = value;
    if (queued) return;
    queued = true;
    raf(() => {
      queued = false;
      apply(latest);
    });
  };
}
