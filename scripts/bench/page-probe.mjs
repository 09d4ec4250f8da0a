// @ts-check
/**
 * What the bench reads from a page besides the app's own figures: main-thread long tasks (PerformanceObserver
 * 'longtask', recorded from before the page's first script), memory (measureUserAgentSpecificMemory, which
 * counts the workers and their WASM heaps), and the gzipped JS fetched before the runtime's loader.
 */
import zlib from 'node:zlib';

/** Runs in the page before its own scripts. */
function observeLongTasks() {
  /** @type {{ start: number, duration: number }[]} */
  const tasks = [];
  Object.defineProperty(globalThis, '__benchLongTasks', { value: tasks });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames say what a long task was: the scripts in it (by source and function) and its style and layout.
  /** @type {{ start: number, duration: number, render: number, scripts: { ms: number, layout: number, what: string }[] }[]} */
  const frames = [];
  Object.defineProperty(globalThis, '__benchLongFrames', { value: frames });
  try {
    new PerformanceObserver((list) => {
      for (const entry of /** @type {any[]} */ (list.getEntries())) {
        const end = entry.startTime + entry.duration;
        frames.push({
          start: entry.startTime,
          duration: entry.duration,
          render: entry.renderStart ? end - entry.renderStart : 0,
          scripts: (entry.scripts ?? []).map((/** @type {any} */ sc) => ({
            ms: sc.duration,
            layout: sc.forcedStyleAndLayoutDuration ?? 0,
            what: `${sc.invoker || sc.invokerType} ${sc.sourceFunctionName || ''} ${String(sc.sourceURL || '').split('/').pop()}:${sc.sourceCharPosition ?? ''}`.trim(),
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // A browser without Long Animation Frames: the long tasks stay unexplained.
  }
}

/** @param {import('playwright').BrowserContext} context */
export const installProbes = (context) => context.addInitScript(observeLongTasks);

/** @param {import('playwright').Page} page @returns {Promise<number>} the page's clock, to bound a window */
export const pageNow = (page) => page.evaluate(() => performance.now());

/**
 * The longest main-thread task that overlapped [from, to] on the page's clock (0 when none passed 50 ms).
 * @param {import('playwright').Page} page @param {number} from @param {number} to
 */
export function longestTask(page, from, to) {
  return page.evaluate(
    ([a, b]) => {
      const tasks = /** @type {{ start: number, duration: number }[]} */ (/** @type {any} */ (globalThis).__benchLongTasks ?? []);
      return tasks.filter((t) => t.start < b && t.start + t.duration > a).reduce((max, t) => Math.max(max, t.duration), 0);
    },
    [from, to],
  );
}

/**
 * What the longest animation frame over 50 ms in [from, to] spent its time on: its scripts (longest first) and its
 * rendering (style, layout, paint); undefined when there was none.
 * @param {import('playwright').Page} page @param {number} from @param {number} to @returns {Promise<string | undefined>}
 */
export function longestTaskCause(page, from, to) {
  return page.evaluate(
    ([a, b]) => {
      const frames = /** @type {{ start: number, duration: number, render: number, scripts: { ms: number, layout: number, what: string }[] }[]} */ (
        /** @type {any} */ (globalThis).__benchLongFrames ?? []
      );
      const inside = frames.filter((f) => f.start < b && f.start + f.duration > a);
      if (inside.length === 0) return undefined;
      const worst = inside.reduce((x, y) => (y.duration > x.duration ? y : x));
      const scripts = [...worst.scripts].sort((x, y) => y.ms - x.ms).slice(0, 3).map((sc) => `${Math.round(sc.ms)} ms ${sc.what}${sc.layout >= 1 ? ` (${Math.round(sc.layout)} ms of it forced style and layout)` : ''}`);
      return `${Math.round(worst.duration)} ms frame: ${[...scripts, `render ${Math.round(worst.render)} ms`].join('; ')}`;
    },
    [from, to],
  );
}

/**
 * Memory of the page and its workers, in bytes; undefined where the browser cannot say. The WASM heap never
 * shrinks, so after the runs it is the peak of the model's working memory.
 * @param {import('playwright').Page} page
 */
export function pageMemory(page) {
  return page
    .evaluate(async () => {
      const perf = /** @type {any} */ (performance);
      if (!perf.measureUserAgentSpecificMemory) return undefined;
      return (await perf.measureUserAgentSpecificMemory()).bytes;
    })
    .catch(() => undefined);
}

/**
 * Records the scripts a page fetches until onnxruntime's loader, and sums them gzipped (level 9, as a server would
 * send them), in two parts: the first screen's (everything before the inference worker's script is requested) and
 * the runtime's (the worker: Transformers.js and onnxruntime-web's JS). Call before `goto`; `total()` when the
 * runtime has started.
 * @param {import('playwright').Page} page
 */
export function watchInitialJs(page) {
  /** @type {{ part: 'page' | 'runtime', file: string, size: Promise<number> }[]} */
  const seen = [];
  let part = /** @type {'page' | 'runtime'} */ ('page');
  let done = false;
  page.on('request', (request) => {
    // The runtime starts with onnxruntime's own loader (ort-wasm-*.mjs) and its .wasm.
    if (/ort-wasm-[^/]*\.(m?js|wasm)(\?|$)/.test(request.url())) done = true;
    if (/inference\.worker[^/]*\.js(\?|$)/.test(request.url())) part = 'runtime';
  });
  page.on('response', (response) => {
    const url = response.url();
    if (done || !/\.m?js(\?|$)/.test(url)) return;
    const size = response.body().then((body) => zlib.gzipSync(body, { level: 9 }).length, () => 0);
    seen.push({ part: /inference\.worker/.test(url) ? 'runtime' : part, file: new URL(url).pathname, size });
  });
  return {
    total: async () => {
      const sizes = await Promise.all(seen.map((s) => s.size));
      const sum = (/** @type {string} */ which) => sizes.reduce((a, b, i) => a + (seen[i].part === which ? b : 0), 0);
      return { bytes: sum('page') + sum('runtime'), pageBytes: sum('page'), runtimeBytes: sum('runtime'), files: seen.map((s) => s.file) };
    },
  };
}

/**
 * How long a page stays open after its runs before the bench reloads it: Chromium writes V8's compiled WASM code
 * to its code cache about 2 s after the last function V8 optimised (README, A returning visit), and a user's
 * next visit comes later than that.
 */
export const CODE_CACHE_WAIT_MS = 3000;
