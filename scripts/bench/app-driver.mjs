// @ts-check
/**
 * The "app" column: the production build in Chromium, driven like a user (pick the task, type the model, Load,
 * Run), read through the figures the app shows (data-load-ms, latency, first token, tokens/s).
 */
import { installProbes, longestTask, pageMemory, pageNow, watchInitialJs } from './page-probe.mjs';
import { summarize } from './stats.mjs';

const LONG = { timeout: 600_000 };

/** @typedef {import('./cases.mjs').BenchCase} BenchCase */
/** @typedef {{ appUrl: string, mirrorUrl: string, runs: number, threads: number, device: string }} AppEnv */

/** @param {import('playwright').Page} page */
async function pickTask(page, /** @type {string} */ task) {
  await page.getByRole('navigation', { name: 'Tasks' }).waitFor(LONG);
  const menu = page.getByTestId('task-menu-button');
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await page.getByTestId(`task-${task}`).click();
}

/** Opens the case's task with its model and input set, as a user would. @param {import('playwright').Page} page @param {BenchCase} c @param {AppEnv} env */
async function open(page, c, env) {
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
  if (c.text !== undefined) await page.getByTestId(c.inputTestId ?? 'text-input').fill(c.text);
  for (const [key, value] of Object.entries(c.params ?? {})) await page.getByTestId(`param-${key}`).fill(String(value));
}

/** Presses Load and waits for the model to be ready. @param {import('playwright').Page} page */
async function load(page) {
  const from = await pageNow(page);
  await page.getByTestId('load-button').click();
  const ready = page.locator('[data-testid=load-status][data-load-ms]');
  const failed = page.getByTestId('load-error');
  await ready.or(failed).first().waitFor(LONG);
  if (await failed.isVisible()) throw new Error(`app load failed: ${await failed.innerText()}`);
  const attr = async (/** @type {string} */ name) => (await ready.getAttribute(name)) ?? undefined;
  const to = await pageNow(page);
  return { ms: Number(await attr('data-load-ms')), dtype: await attr('data-dtype'), device: await attr('data-device'), threads: Number(await attr('data-threads')), longTask: await longestTask(page, from, to) };
}

/** One Run, waited for by its run number. @param {import('playwright').Page} page @param {number} seq */
async function runOnce(page, seq) {
  await page.getByTestId('run-button').click();
  const done = page.locator(`[data-testid=output][data-run-seq="${seq}"][data-status=done]`);
  const failed = page.locator(`[data-testid=output][data-run-seq="${seq}"][data-status=error]`);
  await done.or(failed).first().waitFor(LONG);
  if (await failed.isVisible()) throw new Error(`app run failed: ${await failed.innerText()}`);
  const read = async (/** @type {string} */ id, /** @type {string} */ attr) => {
    const el = page.getByTestId(id);
    return (await el.count()) > 0 ? Number(await el.getAttribute(attr)) : undefined;
  };
  return { ms: Number(await read('latency', 'data-ms')), ttftMs: await read('ttft', 'data-ms'), tokens: await read('tokens', 'data-value') };
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
 * Measures one case: cold load (fresh profile), first run, `runs` more, memory, then a reload and a load from
 * the browser's cache. @param {import('playwright').Browser} browser @param {BenchCase} c @param {AppEnv} env
 * @param {boolean} [withInitialJs] also sum the gzipped JS fetched before the runtime starts
 */
export async function measureApp(browser, c, env, withInitialJs = false) {
  const context = await browser.newContext();
  await installProbes(context);
  const page = await context.newPage();
  const initialJs = withInitialJs ? watchInitialJs(page) : undefined;
  await open(page, c, env);
  const lab = c.kind === 'onnx';
  const cold = lab ? await labLoad(page, c) : await load(page);
  const runFrom = await pageNow(page);
  const first = await runOnce(page, 1);
  if (lab) cold.ms = Number(await page.getByTestId('lab-run-ms').getAttribute('data-session-ms'));
  const runs = [];
  for (let i = 0; i < env.runs; i++) runs.push(await runOnce(page, i + 2));
  const runLongTask = await longestTask(page, runFrom, await pageNow(page));
  const memory = await pageMemory(page);
  const js = initialJs ? await initialJs.total() : undefined;
  let cacheMs;
  if (!lab) {
    await open(page, c, env);
    cacheMs = (await load(page)).ms;
  }
  await context.close();
  return { ...summarize(c, cold, cacheMs, first, runs), memory, runLongTask, initialJs: js };
}
