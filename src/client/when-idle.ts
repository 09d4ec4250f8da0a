// Start-up work that can wait (compiling the WASM runtime, in a worker but on the same cores) waits until
// the page has loaded and the main thread is idle, so it does not stretch the first render's tasks.

/** Runs `work` once, after the load event, in an idle period (at the latest `timeoutMs` after load). */
export function whenIdle(work: () => void, timeoutMs = 2000): void {
  if (typeof window === 'undefined') {
    setTimeout(work, 0);
    return;
  }
  const idle = (): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: timeoutMs });
    else setTimeout(work, 0);
  };
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
