// @ts-check
/**
 * The "bare" column: the same model and input through the same Transformers.js / onnxruntime-web build on a
 * page with no app (bench/, built into dist-bench/), in a worker, with the same headers and thread count.
 */
import { CODE_CACHE_WAIT_MS, installProbes, longestTask, pageMemory, pageNow } from './page-probe.mjs';
import { summarize } from './stats.mjs';

/** @typedef {import('./app-driver.mjs').Browsers} Browsers */
/** @typedef {import('./cases.mjs').BenchCase} BenchCase */
/** @typedef {{ bareUrl: string, appUrl: string, mirrorUrl: string, runs: number, threads: number, device: string }} BareEnv */

/** @param {import('playwright').Page} page @param {Record<string, unknown>} request */
async function ask(page, request) {
  const reply = await page.evaluate((r) => /** @type {any} */ (globalThis).bare.ask(r), request);
  if (reply.error) throw new Error(`bare ${request.type} failed: ${reply.error}`);
  return reply;
}

/** A fresh page with the runtime started (as the app's is before Load). @param {import('playwright').Page} page @param {BareEnv} env */
async function open(page, env) {
  await page.goto(env.bareUrl);
  await page.locator('body[data-ready=true]').waitFor();
  await ask(page, { type: 'init', threads: env.threads });
}

/** @param {import('playwright').Page} page @param {BenchCase} c @param {BareEnv} env @param {string | undefined} dtype */
async function load(page, c, env, dtype) {
  const from = await pageNow(page);
  const reply =
    c.kind === 'onnx'
      ? await ask(page, { type: 'load-onnx', name: c.id, device: env.device })
      : await ask(page, { type: 'load', task: c.task, model: c.model, host: env.mirrorUrl, dtype, device: env.device });
  return { ms: reply.ms, spans: reply.spans, longTask: await longestTask(page, from, await pageNow(page)), dtype, device: env.device, threads: env.threads };
}

/**
 * The "raw" column of a decoder case: a plain greedy loop on the bare page's own session (bench/raw-decode.mjs),
 * the same prompt and number of new tokens, in the same worker; undefined for other cases. Its `finish` is a
 * no-op: the bare page's closes the page.
 * @param {import('playwright').Page} page @param {BenchCase} c @param {{ dtype?: string, device?: string, threads?: number }} cold
 */
function rawLoop(page, c, cold) {
  if (!c.generation || c.kind !== 'pipeline' || c.text === undefined) return undefined;
  const newTokens = Number(c.callOptions?.max_new_tokens ?? 0);
  const suppressEos = Number(c.callOptions?.min_new_tokens ?? 0) >= newTokens;
  return {
    cold: { dtype: cold.dtype, device: cold.device, threads: cold.threads },
    run: () => ask(page, { type: 'raw-run', text: c.text, newTokens, suppressEos }),
    finish: async () => ({}),
  };
}

/**
 * Opens one case on the bare page and loads it (cold); `run` and `finish` as the app driver's (openApp).
 * @param {Browsers} browser @param {BenchCase} c @param {BareEnv} env
 * @param {string | undefined} dtype the precision the app chose, so both load the same file
 */
export async function openBare(browser, c, env, dtype) {
  const context = await browser.newContext();
  await installProbes(context);
  const page = await context.newPage();
  await open(page, env);
  const cold = await load(page, c, env, dtype);
  const imageUrl = c.image ? new URL(`samples/${c.image}`, env.bareUrl).href : undefined;
  const runFrom = await pageNow(page);
  return {
    cold,
    raw: rawLoop(page, c, cold),
    close: () => context.close(),
    run: () => (c.kind === 'onnx' ? ask(page, { type: 'run-onnx', shape: c.shape }) : ask(page, { type: 'run', text: c.text, imageUrl, options: c.callOptions })),
    /** As the app's: the runs' long task and memory, then the returning visit, on which `run` goes on working. */
    async finish() {
      const runLongTask = await longestTask(page, runFrom, await pageNow(page));
      const memory = await pageMemory(page);
      const cached = await reload();
      return { cacheMs: cached.ms, cacheSpans: cached.spans, memory, runLongTask, reopened: true };
    },
    /** Another return, as the app's: reloaded and loaded from the browser cache again. */
    reload,
  };

  /** The page reloaded after V8 has had time to write its code cache, and the model loaded from the browser cache. */
  async function reload() {
    await page.waitForTimeout(CODE_CACHE_WAIT_MS);
    await ask(page, { type: 'unload' });
    await open(page, env);
    return load(page, c, env, dtype);
  }
}

/** Measures one case alone on the bare page. @param {Browsers} browser @param {BenchCase} c @param {BareEnv} env @param {string | undefined} dtype */
export async function measureBare(browser, c, env, dtype) {
  const bare = await openBare(browser, c, env, dtype);
  const first = await bare.run();
  const runs = [];
  for (let i = 0; i < env.runs; i++) runs.push(await bare.run());
  const { cacheMs, reopened: _, ...rest } = await bare.finish();
  await bare.close();
  return { ...summarize(c, bare.cold, cacheMs, first, runs), ...rest, digest: first.digest };
}
