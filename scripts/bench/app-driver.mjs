// @ts-check
/**
 * The "app" column: the production build in Chromium, driven like a user (pick the task, type the model, Load,
 * Run), read through the figures the app shows (data-load-ms, latency, first token, tokens/s).
 */
import { CODE_CACHE_WAIT_MS, installProbes, longestTask, longestTaskCause, pageMemory, pageNow, watchInitialJs } from './page-probe.mjs';

const LONG = { timeout: 600_000 };

/** @typedef {import('./cases.mjs').BenchCase} BenchCase */
/** Where a column gets its browser: a fresh profile on disk each time (./profiles.mjs). @typedef {{ newContext(): Promise<import('playwright').BrowserContext> }} Browsers */
/** @typedef {{ appUrl: string, mirrorUrl: string, runs: number, threads: number, device: string }} AppEnv */

/** @param {import('playwright').Page} page */
async function pickTask(page, /** @type {string} */ task) {
  await page.getByRole('navigation', { name: 'Tasks' }).waitFor(LONG);
  const menu = page.getByTestId('task-menu-button');
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await page.getByTestId(`task-${task}`).click();
}

/** Opens the case's task with its model and input set, as a user would. @param {import('playwright').Page} page @param {BenchCase} c @param {AppEnv} env */
export async function open(page, c, env) {
  const query = new URLSearchParams({ host: env.mirrorUrl, threads: String(env.threads) });
  const wasm = page.waitForEvent('requestfinished', { predicate: (r) => r.url().endsWith('.wasm'), ...LONG });
  await page.goto(`${env.appUrl}?${query}`);
  await pickTask(page, c.task);
  // The app compiles its runtime once the page settles or at the first press (the task click), overlapped with
  // choosing a model; a user's Load comes after that, so the bench's does too. A settle, not a measurement.
  await wasm;
  await page.waitForTimeout(3000);
  if (c.kind === 'onnx') return;
  await page.getByTestId('model-input').fill(c.model);
  if (env.device === 'webgpu') await page.getByTestId('device-select').selectOption('webgpu');
  // The case's precision (a generated decoder comes in q4 and fp32); otherwise the app's own choice.
  if (c.dtype) await page.getByTestId('dtype-select').selectOption(c.dtype, LONG);
  if (c.text !== undefined) await page.getByTestId(c.inputTestId ?? 'text-input').fill(c.text);
  for (const [key, value] of Object.entries(c.params ?? {})) await page.getByTestId(`param-${key}`).fill(String(value));
}

/**
 * Presses Load and waits for the model to be ready. A download over the app's confirmation limit (100 MB by
 * default: every real-size model) asks first; the bench answers it as a user would, and the app's own load
 * figure starts only then. @param {import('playwright').Page} page
 */
export async function load(page) {
  const from = await pageNow(page);
  await page.getByTestId('load-button').click();
  const ready = page.locator('[data-testid=load-status][data-load-ms]');
  const failed = page.getByTestId('load-error');
  const confirm = page.getByTestId('confirm-download-yes');
  await ready.or(failed).or(confirm).first().waitFor(LONG);
  if (await confirm.isVisible()) {
    await confirm.click();
    await ready.or(failed).first().waitFor(LONG);
  }
  if (await failed.isVisible()) throw new Error(`app load failed: ${await failed.innerText()}`);
  const attr = async (/** @type {string} */ name) => (await ready.getAttribute(name)) ?? undefined;
  const to = await pageNow(page);
  return { ms: Number(await attr('data-load-ms')), dtype: await attr('data-dtype'), device: await attr('data-device'), threads: Number(await attr('data-threads')), longTask: await longestTask(page, from, to), longTaskCause: await longestTaskCause(page, from, to) };
}

/**
 * The app worker's spans of its latest load (`load:*` measures: checks, what was left of the runtime's start-up,
 * the pipeline's creation, the warm-up run), in ms; empty where no worker has them.
 * @param {import('playwright').Page} page @returns {Promise<Record<string, number>>}
 */
async function loadSpans(page) {
  for (const worker of page.workers()) {
    const spans = await worker
      .evaluate(() => Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('load:')).map((m) => [m.name.slice(5), Math.round(m.duration)])))
      .catch(() => ({}));
    if (Object.keys(spans).length > 0) return spans;
  }
  return {};
}

/** One Run, waited for by its run number. @param {import('playwright').Page} page @param {number} seq */
export async function runOnce(page, seq) {
  // The run's end is awaited in the page by a MutationObserver set up before the click, not by Playwright's
  // waitFor, which polls the page on every animation frame: main-thread work a user's page does not have, taking
  // CPU from the model's threads while it runs (README, A returning visit).
  const ended = page.evaluate(
    ({ seq, timeoutMs }) =>
      new Promise((resolve) => {
        const check = () => {
          const output = document.querySelector('[data-testid=output]');
          const status = output?.getAttribute('data-status');
          if (output?.getAttribute('data-run-seq') !== String(seq) || (status !== 'done' && status !== 'error')) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(status);
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-run-seq', 'data-status'] });
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve('timeout');
        }, timeoutMs);
        check();
      }),
    { seq, timeoutMs: LONG.timeout },
  );
  await page.getByTestId('run-button').click();
  const status = await ended;
  if (status === 'timeout') throw new Error(`app run ${seq} did not end within ${LONG.timeout / 1000} s`);
  if (status === 'error') throw new Error(`app run failed: ${await page.getByTestId('output').innerText()}`);
  const read = async (/** @type {string} */ id, /** @type {string} */ attr) => {
    const el = page.getByTestId(id);
    return (await el.count()) > 0 ? Number(await el.getAttribute(attr)) : undefined;
  };
  return { ms: Number(await read('latency', 'data-ms')), ttftMs: await read('ttft', 'data-ms'), tokens: await read('tokens', 'data-value'), sessionMs: await read('model-ms', 'data-ms') };
}

/**
 * The ONNX lab: the model file given, random values of a fixed shape fed. It creates its session at the first
 * run and says how long that took, which is the load figure. @param {import('playwright').Page} page @param {BenchCase} c
 */
async function labLoad(page, c) {
  const from = await pageNow(page);
  await page.getByTestId('lab-file').setInputFiles(c.onnxFile ?? '');
  const feed = page.getByTestId(`lab-feed-${c.onnxInput}`);
  await feed.getByTestId('lab-source').selectOption('random');
  await feed.getByTestId('lab-shape').fill((c.shape ?? []).join(', '));
  return { ms: /** @type {number | undefined} */ (undefined), longTask: await longestTask(page, from, await pageNow(page)) };
}

/**
 * Opens one case in a fresh profile and loads it (cold). The runs come one at a time through `run`, so the bench
 * can interleave them with the bare page's (both then see the same machine load); `finish` reads the run-time
 * long task and memory, then reloads the page and loads again from the browser's cache.
 * @param {Browsers} browser @param {BenchCase} c @param {AppEnv} env
 * @param {boolean} [withInitialJs] also sum the gzipped JS fetched before the runtime starts
 */
export async function openApp(browser, c, env, withInitialJs = false) {
  const context = await browser.newContext();
  await installProbes(context);
  const page = await context.newPage();
  const initialJs = withInitialJs ? watchInitialJs(page) : undefined;
  await open(page, c, env);
  const lab = c.kind === 'onnx';
  /** @type {{ ms?: number, longTask: number, longTaskCause?: string, dtype?: string, device?: string, threads?: number, spans?: Record<string, number> }} */
  const cold = lab ? await labLoad(page, c) : { ...(await load(page)), spans: await loadSpans(page) };
  const runFrom = await pageNow(page);
  let seq = 0;
  return {
    cold,
    close: () => context.close(),
    async run() {
      const result = await runOnce(page, ++seq);
      // The lab creates its session at its first run and says how long that took: the load figure.
      if (lab && seq === 1) cold.ms = Number(await page.getByTestId('lab-run-ms').getAttribute('data-session-ms'));
      return result;
    },
    /**
     * Reads the runs' long task and memory, then comes back as a user returns: the page reloaded (after V8 has had
     * time to write its code cache) and the model loaded from the browser cache. `run` goes on working on the
     * returning visit (`reopened`); `close` ends it.
     */
    async finish() {
      const runTo = await pageNow(page);
      const runLongTask = await longestTask(page, runFrom, runTo);
      const runLongTaskCause = await longestTaskCause(page, runFrom, runTo);
      const memory = await pageMemory(page);
      const js = initialJs ? await initialJs.total() : undefined;
      const cached = lab ? undefined : await reload();
      return { cacheMs: cached?.ms, cacheSpans: cached?.spans, memory, runLongTask, runLongTaskCause, initialJs: js, reopened: !lab };
    },
    /** Another return (the lab has none): reloaded and loaded from the browser cache again; `run` works on it. */
    ...(lab ? {} : { reload }),
  };

  /** The page reloaded after V8 has had time to write its code cache, and the model loaded from the browser cache. */
  async function reload() {
    await page.waitForTimeout(CODE_CACHE_WAIT_MS);
    await open(page, c, env);
    const ms = (await load(page)).ms;
    const spans = await loadSpans(page);
    // A reload may show the last run again, with its number: the next Run is the one after it.
    seq = Number(await page.getByTestId('output').getAttribute('data-run-seq', { timeout: 1000 }).catch(() => null)) || 0;
    return { ms, spans };
  }
}
