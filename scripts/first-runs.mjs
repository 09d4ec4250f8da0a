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
import { load, open, runOnce } from './bench/app-driver.mjs';
import { STORY } from './bench/cases.mjs';
import { installProbes } from './bench/page-probe.mjs';

const MODEL = process.env.FIRST_RUNS_MODEL ?? 'karpathy/tinyllamas-stories260K';
const RUNS = Number(process.env.FIRST_RUNS ?? 8);
const PORT = Number(process.env.FIRST_RUNS_PORT ?? 4405);
const JS_FLAGS = process.env.FIRST_RUNS_JS_FLAGS;
const root = path.resolve(import.meta.dirname, '..');
/** The bench's generation case with a shorter prompt. @type {import('./bench/cases.mjs').BenchCase} */
const CASE = {
  id: 'first-runs',
  task: 'text-generation',
  model: MODEL,
  kind: 'pipeline',
  inputTestId: 'prompt-input',
  text: STORY.repeat(3).trim(),
  params: { max_new_tokens: 128, min_new_tokens: 128 },
};

if (!existsSync(path.join(root, 'dist', 'index.html'))) await build({ root, logLevel: 'warn' });
const mirror = await startMirror({ port: Number(process.env.MIRROR_PORT) || 8304, extraDirs: [path.join(root, 'e2e', 'fixtures', 'models')] });
// The app's own headers (COOP/COEP, CSP), as the bench serves it.
const server = await startStaticServer({ dir: path.join(root, 'dist'), port: PORT, isolation: true });
const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, ...(JS_FLAGS ? [`--js-flags=${JS_FLAGS}`] : [])] });
try {
  const context = await browser.newContext();
  await installProbes(context);
  const page = await context.newPage();
  // Driven as the bench's app column drives it (scripts/bench/app-driver.mjs), on the bench's default thread cap.
  await open(page, CASE, { appUrl: server.url, mirrorUrl: mirror.url, runs: RUNS, threads: 2, device: 'wasm' });
  const loaded = await load(page);
  console.log(`${MODEL}: loaded in ${loaded.ms} ms on ${loaded.threads} thread(s)${JS_FLAGS ? `, V8 flags ${JS_FLAGS}` : ''}`);
  console.log('run | latency ms | in session.run ms | first token ms | tokens');
  const f = (/** @type {number | undefined} */ v) => (v === undefined ? '—' : v.toFixed(0));
  for (let seq = 1; seq <= RUNS; seq += 1) {
    const run = await runOnce(page, seq);
    console.log(`${seq} | ${f(run.ms)} | ${f(run.sessionMs)} | ${f(run.ttftMs)} | ${f(run.tokens)}`);
  }
} finally {
  await browser.close();
  await server.close();
  await mirror.close();
}
