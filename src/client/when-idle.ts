// Start-up work that can wait (compiling the WASM runtime: in a worker, but its compile threads use the same
// cores) waits until the page has settled, so it does not stretch the first screen's tasks on a small device.

export interface SettleOptions {
  /** How long the main thread must go without a long task (> 50 ms) after the load event. */
  quietMs?: number;
  /** The latest it waits after the load event. */
  maxMs?: number;
  /** The page this runs in (a test passes a fake one). */
  page?: SettlePage;
}

/** The parts of `window` this uses. */
export interface SettlePage {
  readyState(): DocumentReadyState;
  addEventListener(type: string, listener: (event?: Event) => void, options?: AddEventListenerOptions): void;
  removeEventListener(type: string, listener: (event?: Event) => void, options?: EventListenerOptions): void;
  /** Calls back on each long task; returns a stop function (undefined where long tasks cannot be observed). */
  observeLongTasks(onTask: () => void): (() => void) | undefined;
  idle(work: () => void): void;
}

const browserPage = (): SettlePage => ({
  readyState: () => document.readyState,
  addEventListener: (type, listener, options) => window.addEventListener(type, listener, options),
  removeEventListener: (type, listener, options) => window.removeEventListener(type, listener, options),
  observeLongTasks(onTask) {
    if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return undefined;
    const observer = new PerformanceObserver(() => onTask());
    observer.observe({ type: 'longtask' });
    return () => observer.disconnect();
  },
  idle: (work) => inIdlePeriod(work, 1000),
});

/** Runs `work` in the browser's next idle period (at the latest after `timeoutMs`); where there are none, in a task of its own. */
export function inIdlePeriod(work: () => void, timeoutMs = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: timeoutMs });
  else setTimeout(work, 0);
}

/**
 * Runs `work` once, whichever comes first: the main thread has had no long task for `quietMs` after the load
 * event (then in an idle period); the user's first press of a key or pointer (they are about to use the app:
 * better warm now); `maxMs` after the load event. Outside a browser it runs at once.
 */
export function whenSettled(work: () => void, { quietMs = 1500, maxMs = 8000, page }: SettleOptions = {}): void {
  if (!page && typeof window === 'undefined') {
    setTimeout(work, 0);
    return;
  }
  const p = page ?? browserPage();
  let done = false;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let latest: ReturnType<typeof setTimeout> | undefined;
  let stopObserving: (() => void) | undefined;
  const gestures = ['pointerdown', 'keydown'] as const;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(quiet);
    clearTimeout(latest);
    stopObserving?.();
    for (const type of gestures) p.removeEventListener(type, run, { capture: true });
    work();
  };
  const waitForQuiet = () => {
    clearTimeout(quiet);
    quiet = setTimeout(() => p.idle(run), quietMs);
  };
  const afterLoad = () => {
    stopObserving = p.observeLongTasks(waitForQuiet);
    waitForQuiet();
    latest = setTimeout(run, maxMs);
  };
  for (const type of gestures) p.addEventListener(type, run, { capture: true, once: true });
  if (p.readyState() === 'complete') afterLoad();
  else p.addEventListener('load', afterLoad, { once: true });
}

/**
 * Runs `work` once, in an idle period after the user's first press of a pointer or key: for work that only pays
 * off once someone uses the page, such as fetching the dialogs' code. (Not on focus: a panel that focuses its own
 * input as it opens would set it off during start-up.)
 * Done at load, it was main-thread work in the window a phone's first screen is judged by. Outside a browser it
 * runs at once.
 */
export function afterFirstGesture(
  work: () => void,
  { page, ignore }: Pick<SettleOptions, 'page'> & { ignore?: (event: Event) => boolean } = {},
): void {
  if (!page && typeof window === 'undefined') {
    setTimeout(work, 0);
    return;
  }
  const p = page ?? browserPage();
  const gestures = ['pointerdown', 'keydown'] as const;
  let done = false;
  const run = (event?: Event) => {
    if (done || (event && ignore?.(event))) return;
    done = true;
    for (const type of gestures) p.removeEventListener(type, run, { capture: true });
    // Not inside the event: its own handlers (a dialog opening) come first.
    p.idle(work);
  };
  for (const type of gestures) p.addEventListener(type, run, { capture: true });
}
