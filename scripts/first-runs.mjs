// @ts-check
// `node scripts/first-runs.mjs`: the app's runs one by one after a load, in a fresh worker, so the runs before V8 has
// optimised onnxruntime's WASM can be told from the steady ones. It drives the production build (`dist/`, built when
// missing) like a user: text generation, the model, a prompt of about 100 tokens, 128 new tokens, Load, then Run
// FIRST_RUNS times, printing each run's latency, time in session.run and first token. With FIRST_RUNS_JS_FLAGS (e.g.
// `--no-liftoff`) Chromium starts with those V8 flags: with `--no-liftoff` every WASM function is compiled by the
// optimising tier up front, so a gap between the two prints is V8's tier-up, not the app. FIRST_RUNS_MODEL,
// FIRST_RUNS, FIRST_RUNS_PORT, MIRROR_PORT, MODELS_DIR select.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs';
import { startMirror } from './model-mirror.mjs';
import { startStaticServer } from './static-server.mjs';

const MODEL = process.env.FIRST_RUNS_MODEL ?? 'karpathy/tinyllamas-stories260K';
const RUNS = Number(process.env.FIRST_RUNS ?? 8);
const PORT = Number(process.env.FIRST_RUNS_PORT ?? 4405);
const JS_FLAGS = process.env.FIRST_RUNS_JS_FLAGS;
const STORY = 'Once upon a time, there was a little girl named Lily. She loved to play outside in the park with her friends.';
const root = path.resolve(import.meta.dirname, '..');

if (!existsSync(path.join(root, 'dist', 'index.html'))) await build({ root, logLevel: 'warn' });
const mirror = await startMirror({ port: Number(process.env.MIRROR_PORT) || 8304, extraDirs: [path.join(root, 'e2e', 'fixtures', 'models')] });
// The app's own headers (COOP/COEP, CSP), as the bench serves it.
const server = await startStaticServer({ dir: path.join(root, 'dist'), port: PORT, isolation: true });
const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, ...(JS_FLAGS ? [`--js-flags=${JS_FLAGS}`] : [])] });
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}?task=text-generation&host=${encodeURIComponent(mirror.url)}`);
  await page.getByTestId('model-input').fill(MODEL);
  await page.getByTestId('prompt-input').fill([STORY, STORY, STORY].join(' '));
  await page.getByTestId('param-max_new_tokens').fill('128');
  await page.getByTestId('param-min_new_tokens').fill('128');
  await page.getByTestId('load-button').click();
  const status = page.locator('[data-testid=load-status][data-load-ms]');
  await status.waitFor({ timeout: 300_000 });
  console.log(`${MODEL}: loaded in ${await status.getAttribute('data-load-ms')} ms on ${await status.getAttribute('data-threads')} thread(s)${JS_FLAGS ? `, V8 flags ${JS_FLAGS}` : ''}`);
  console.log('run | latency ms | in session.run ms | first token ms | tokens');
  for (let seq = 1; seq <= RUNS; seq += 1) {
    await page.getByTestId('run-button').click();
    await page.locator(`[data-testid=output][data-run-seq="${seq}"][data-status=done]`).waitFor({ timeout: 300_000 });
    const read = async (/** @type {string} */ id, /** @type {string} */ attr) => Number(await page.getByTestId(id).getAttribute(attr)).toFixed(0);
    console.log(`${seq} | ${await read('latency', 'data-ms')} | ${await read('model-ms', 'data-ms')} | ${await read('ttft', 'data-ms')} | ${await read('tokens', 'data-value')}`);
  }
} finally {
  await browser.close();
  await server.close();
  await mirror.close();
}
