// @ts-check
// `npm run bench`: each task's model measured in the real app (production build, Chromium, WASM) and,
// as the reference in the same run, the same model through Transformers.js in Node (onnxruntime-node,
// native CPU). Prints absolute numbers and browser/native ratios. Runs one case at a time.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs';
import { defaultDir, startMirror } from './model-mirror.mjs';

const execFileAsync = promisify(execFile);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const APP_PORT = 4174;
const MODELS = defaultDir();

/** @typedef {{ task: string, model: string, prepare: (page: import('playwright').Page) => Promise<void> }} Case */
/** @type {Case[]} */
const CASES = [
  {
    task: 'text-classification',
    model: 'fixtures/potion-base-4M-sentiment-anchors',
    prepare: (page) => page.getByTestId('text-input').fill('I love this movie'),
  },
  {
    task: 'feature-extraction',
    model: 'minishlab/potion-base-4M',
    prepare: async () => {},
  },
  {
    task: 'text-generation',
    model: 'karpathy/tinyllamas-stories260K',
    prepare: (page) => page.getByTestId('param-max_new_tokens').fill('64'),
  },
  {
    task: 'image-classification',
    model: 'onnxmodelzoo/mobilenetv2-12-int8',
    prepare: async () => {},
  },
  {
    task: 'object-detection',
    model: 'Megvii-BaseDetection/yolox-nano',
    prepare: async () => {},
  },
];

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs the reference in its own process (scripts/bench-native.mjs). */
/** @param {{ task: string, model: string }} c */
async function measureNative(c) {
  const { stdout } = await execFileAsync('node', ['scripts/bench-native.mjs', c.task, c.model, String(RUNS)], { encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

/** @param {import('@playwright/test').Page} page @param {number} seq */
async function runOnce(page, seq) {
  await page.getByTestId('run-button').click();
  await page.waitForSelector(`[data-testid=output][data-run-seq="${seq}"][data-status=done]`, { timeout: 120_000 });
  const latency = Number(await page.getByTestId('latency').getAttribute('data-ms'));
  const rate = page.getByTestId('tokens-per-second');
  const tps = (await rate.count()) > 0 ? Number(await rate.getAttribute('data-value')) : undefined;
  return { latency, tps };
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} mirrorUrl
 * @param {{ task: string, model: string, prepare(page: import('@playwright/test').Page): Promise<void> }} c
 */
async function measureBrowser(browser, mirrorUrl, c) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error during ${c.task}: ${e.message}`));
  await page.goto(`http://localhost:${APP_PORT}/?host=${encodeURIComponent(mirrorUrl)}`);
  await page.getByTestId(`task-${c.task}`).click();
  await page.getByTestId('model-input').fill(c.model);
  await c.prepare(page);
  await page.waitForTimeout(1500); // the runtime's own start-up, which the app overlaps with choosing a model
  await page.getByTestId('load-button').click();
  await page.waitForSelector('[data-testid=load-status][data-load-ms]', { timeout: 120_000 });
  const loadMs = Number(await page.getByTestId('load-status').getAttribute('data-load-ms'));
  const first = await runOnce(page, 1);
  const times = [];
  const rates = [];
  for (let i = 0; i < RUNS; i++) {
    const { latency, tps } = await runOnce(page, i + 2);
    times.push(latency);
    if (tps !== undefined) rates.push(tps);
  }
  const memory = process.env.BENCH_NOMEM ? undefined : await page
    .evaluate(async () => (await /** @type {any} */ (performance).measureUserAgentSpecificMemory()).bytes)
    .catch(() => undefined);
  await context.close();
  return { loadMs, firstMs: first.latency, latencyMs: median(times), tokensPerSecond: rates.length ? median(rates) : undefined, memory };
}

function startPreview() {
  execFileSync('npx', ['vite', 'build'], { stdio: 'ignore' });
  const child = spawn('npx', ['vite', 'preview', '--port', String(APP_PORT), '--strictPort'], { stdio: 'ignore' });
  return new Promise((resolve) => setTimeout(() => resolve(child), 2000));
}

/** @param {number | undefined} n */
const fmt = (n, unit = 'ms') => (n === undefined ? '—' : `${n.toFixed(n < 10 ? 2 : 1)} ${unit}`);
/** @param {number | undefined} a @param {number | undefined} b */
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');

const mirror = await startMirror({ dir: MODELS, port: 0, host: '127.0.0.1' });
const preview = await startPreview();
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
console.log(`Benchmark: ${RUNS} runs per case, median; browser = this app in Chromium (WASM), native = Transformers.js in Node (onnxruntime-node)\n`);
console.log('| task | model | load (browser) | first run | latency browser | latency native | ratio | tok/s browser | memory |');
console.log('|---|---|---|---|---|---|---|---|---|');
try {
  for (const c of CASES.filter((k) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(k.task))) {
    const native = await measureNative(c);
    const web = await measureBrowser(browser, mirror.url, c);
    const memory = web.memory ? `${(web.memory / 1e6).toFixed(0)} MB` : '—';
    console.log(
      `| ${c.task} | ${c.model} | ${fmt(web.loadMs)} | ${fmt(web.firstMs)} | ${fmt(web.latencyMs)} | ${fmt(native.latencyMs)} | ${ratio(web.latencyMs, native.latencyMs)} | ${fmt(web.tokensPerSecond, 'tok/s')} | ${memory} |`,
    );
  }
} finally {
  await browser.close();
  preview.kill('SIGTERM');
  await mirror.close();
}
