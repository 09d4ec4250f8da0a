// @ts-check
/**
 * `npm run bench`: each case measured three ways in one run, one case at a time — app (the production build in
 * Chromium, driven like a user), bare (the same Transformers.js / onnxruntime-web build on a page with no app,
 * bench/) and native (Transformers.js on onnxruntime-node) — and, for decoders, a fourth: raw (a plain greedy loop
 * on the bare page's onnxruntime-web session, bench/raw-decode.mjs), with ratios. Writes bench-results/<date>.json,
 * .md and .svg, and bench-results/latest.md. Leaves nothing running: it checks its ports and children at exit.
 *
 *   BENCH_ONLY=stories260K,image-classification  case ids or task names (default: all)
 *   BENCH_RUNS=10      timed runs per case after the first     BENCH_THREADS=2   WASM / native threads
 *   BENCH_RETURN_RUNS  timed runs on the returning visit (the page reloaded, model and V8's code from the cache; default BENCH_RUNS)
 *   BENCH_CACHE_LOADS=3  loads from the browser cache per browser column (a reload each, app and bare alternated): the median is its cache load
 *   BENCH_NEW_TOKENS=128  new tokens per generation (min = max)
 *   BENCH_DEVICE=webgpu  the browser columns on WebGPU (on a software adapter: outputs compared, not speed)
 *   BENCH_ORDER=bare-first  the bare page alone before the app (default: the app's and the bare page's runs interleaved)
 *   BENCH_NO_BUILD=1   use the existing dist/ and dist-bench/ (=missing: build only what is absent)  BENCH_OUT=dir   where results go
 *   APP_PORT (default 4174), MIRROR_PORT (default: any free port), MODELS_DIR
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs';
import { defaultDir } from './model-mirror.mjs';
import { assertNothingLeft, build, startServers } from './bench/servers.mjs';
import { benchCases, GENERATED_DIR } from './bench/cases.mjs';
import { openApp } from './bench/app-driver.mjs';
import { profiles } from './bench/profiles.mjs';
import { measureBare, openBare } from './bench/bare-driver.mjs';
import { summarize } from './bench/stats.mjs';
import { runInterleaved } from './bench/interleave.mjs';
import { markdown, ratios, svgChart } from './bench/report.mjs';

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const RETURN_RUNS = Number(process.env.BENCH_RETURN_RUNS ?? RUNS);
const CACHE_LOADS = Math.max(1, Number(process.env.BENCH_CACHE_LOADS ?? 3));
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
const DEVICE = process.env.BENCH_DEVICE === 'webgpu' ? 'webgpu' : 'wasm';
const OUT = path.resolve(process.env.BENCH_OUT ?? path.join(ROOT, 'bench-results'));
const MODELS = defaultDir();

/**
 * The native column, in a process of its own.
 * @param {import('./bench/cases.mjs').BenchCase} c @param {string | undefined} dtype @param {number} threads
 */
async function measureNative(c, dtype, threads) {
  const arg = JSON.stringify({ ...c, roots: [MODELS, GENERATED_DIR], runs: RUNS, threads, dtype });
  const { stdout } = await execFileAsync(process.execPath, [path.join(ROOT, 'scripts', 'bench-native.mjs'), arg], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

/** @param {import('./bench/app-driver.mjs').Browsers} browser @param {import('./bench/cases.mjs').BenchCase} c @param {any} urls @param {boolean} firstCase */
async function measureCase(browser, c, urls, firstCase) {
  const env = { ...urls, runs: RUNS, threads: THREADS, device: DEVICE };
  // BENCH_ORDER=bare-first measures the bare page alone before the app (order effects on a busy machine); it then
  // loads the case's own precision, or Transformers.js' default, instead of the one the app chose.
  const bareFirst = process.env.BENCH_ORDER === 'bare-first';
  const early = bareFirst ? await measureBare(browser, c, env, c.kind === 'onnx' ? undefined : c.dtype) : undefined;
  const appPage = await openApp(browser, c, env, firstCase);
  // The app may run fewer threads than allowed (one for a small decoder, src/protocol/thread-choice.ts): the bare
  // page and native then run that many too, so each ratio compares the same work on the same threads.
  const threads = DEVICE === 'wasm' && appPage.cold.threads ? appPage.cold.threads : THREADS;
  if (threads !== THREADS) console.log(`  the app chose ${threads} thread(s) for this model (cap ${THREADS}); bare and native run as many`);
  if (bareFirst && threads !== THREADS) console.warn('  BENCH_ORDER=bare-first: the bare page ran before the app chose its threads');
  // The bare page and native load the precision the app chose, so all three run the same file.
  const dtype = c.dtype ?? appPage.cold.dtype;
  /** @type {Record<string, any>} */
  let app;
  /** @type {Record<string, any> | undefined} */
  let bare = early;
  /** @type {Record<string, any> | undefined} */
  let raw;
  if (early) {
    const first = await appPage.run();
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await appPage.run());
    const { cacheMs, reopened: _, ...rest } = await appPage.finish();
    await appPage.close();
    app = { ...summarize(c, appPage.cold, cacheMs, first, runs), ...rest };
  } else {
    const barePage = await openBare(browser, c, { ...env, threads }, c.kind === 'onnx' ? undefined : dtype).catch(async (error) => {
      await appPage.close();
      throw error;
    });
    const { raw: rawPage, ...bareRest } = barePage;
    ({ app, bare, raw } = await runInterleaved({ app: appPage, bare: bareRest, ...(rawPage ? { raw: rawPage } : {}) }, c, RUNS, RETURN_RUNS, CACHE_LOADS));
  }
  if (raw) console.log(`  raw loop: ${raw.stepMs?.toFixed(2)} ms per decode step (median); its tokens equal the bare pipeline's: ${raw.sameText === undefined ? 'unknown' : raw.sameText ? 'yes' : 'no'}`);
  if (app && appPage.cold.longTaskCause) app.loadLongTaskCause = appPage.cold.longTaskCause;
  for (const [when, cause] of [['load', app?.loadLongTaskCause], ['runs', app?.runLongTaskCause]]) {
    if (cause) console.log(`  app, longest main-thread frame during its ${when}: ${cause}`);
  }
  for (const [name, column] of /** @type {const} */ ([['app', app], ['bare page', bare]])) {
    if (column?.cacheLoadsMs) console.log(`  ${name}, loads from the cache: ${column.cacheLoadsMs.map((/** @type {number} */ ms) => Math.round(ms)).join(', ')} ms (median ${Math.round(column.cacheLoadMs)})`);
    if (column?.cacheSpans && Object.keys(column.cacheSpans).length > 0) console.log(`  ${name}, first load from the cache, worker spans (ms): ${JSON.stringify(column.cacheSpans)}`);
    if (column?.sessionMs !== undefined) console.log(`  ${name}: ${column.sessionMs.toFixed(1)} ms of its median run (${column.medianMs?.toFixed(1)} ms) inside session.run`);
    if (column?.returnSessionMs !== undefined) console.log(`  ${name}, returning visit: ${column.returnSessionMs.toFixed(1)} ms of its median run (${column.returnMedianMs?.toFixed(1)} ms) inside session.run`);
  }
  const native = DEVICE === 'wasm' ? await measureNative(c, c.kind === 'onnx' ? undefined : dtype, threads) : undefined;
  // On WebGPU (a software adapter here) the check is that it computes what WASM does; its speed says nothing.
  const wasmDigest = DEVICE === 'webgpu' ? (await measureBare(browser, c, { ...env, runs: 0, device: 'wasm' }, dtype)).digest : undefined;
  const outputsEqual = wasmDigest === undefined ? undefined : wasmDigest === bare?.digest;
  if (outputsEqual !== undefined) console.log(`  WebGPU output equals WASM's (bare page, rounded to 2 decimals): ${outputsEqual ? 'yes' : `no\n  webgpu ${bare?.digest}\n  wasm   ${wasmDigest}`}`);
  return { id: c.id, task: c.task, model: c.model, generation: Boolean(c.generation), promptTokens: c.promptTokens, outputsEqual, app, bare, raw, native };
}

const CHROME_ARGS = [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory', ...(DEVICE === 'webgpu' ? ['--enable-unsafe-webgpu'] : [])];

async function main() {
  if (process.env.BENCH_NO_BUILD !== '1') build({ onlyMissing: process.env.BENCH_NO_BUILD === 'missing' });
  const cases = await benchCases({ only: process.env.BENCH_ONLY, roots: [MODELS, GENERATED_DIR], log: (line) => console.log(line) });
  const extraDirs = fs.existsSync(GENERATED_DIR) ? [GENERATED_DIR] : [];
  const servers = await startServers({ appPort: Number(process.env.APP_PORT ?? 4174), mirrorPort: Number(process.env.MIRROR_PORT ?? 0), modelsDir: MODELS, extraDirs });
  console.log(`Servers: app ${servers.appUrl}, bare ${servers.bareUrl}, mirror ${servers.mirrorUrl}`);
  const results = [];
  /** @type {any} */
  let initialJs;
  try {
    // Each column of each case in a fresh browser profile on disk (scripts/bench/profiles.mjs).
    const browser = profiles({ executablePath: findChromium(), args: CHROME_ARGS });
    try {
      console.log(`Benchmark: ${cases.length} cases, ${RUNS} runs each after the first, ${THREADS} threads, browser on ${DEVICE}`);
      for (const [i, c] of cases.entries()) {
        console.log(`- ${c.id} (${c.task}, ${c.model}) …`);
        const result = await measureCase(browser, c, servers, i === 0).catch((error) => ({ id: c.id, task: c.task, model: c.model, error: error.message }));
        initialJs ??= /** @type {any} */ (result).app?.initialJs;
        results.push(result);
        console.log(markdown([result]).split('\n').filter((line) => line.startsWith(`| ${c.id} |`)).join('\n'));
      }
    } finally {
      await browser.closeAll();
    }
  } finally {
    await servers.close();
  }
  report(results, initialJs);
  await assertNothingLeft(servers.ports);
  console.log('Exit check: no listener on the bench ports, no child process left.');
  if (results.some((r) => 'error' in r)) process.exitCode = 1;
}

/** @param {any[]} results @param {any} initialJs */
function report(results, initialJs) {
  const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\..*/, '');
  const load = fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : '?';
  const kB = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} kB`;
  const js = initialJs
    ? `${kB(initialJs.bytes)} gzipped in ${initialJs.files.length} files: the first screen's ${kB(initialJs.pageBytes ?? initialJs.bytes)}, ` +
      `the runtime's own (the worker: Transformers.js, onnxruntime-web) ${kB(initialJs.runtimeBytes ?? 0)}`
    : 'not measured';
  const header = `Bench ${stamp} UTC: \`BENCH_RUNS=${RUNS} BENCH_THREADS=${THREADS} BENCH_DEVICE=${DEVICE}${process.env.BENCH_NEW_TOKENS ? ` BENCH_NEW_TOKENS=${process.env.BENCH_NEW_TOKENS}` : ''}\`, load average at the end ${load}. ` +
    `JS before the runtime starts (app): ${js}. Memory: browser columns = measureUserAgentSpecificMemory after the runs (page + workers, ` +
    `WASM heaps included); native = peak RSS of its process.\n\n`;
  const md = markdown(results, header);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, `${stamp}.json`), JSON.stringify({ stamp, runs: RUNS, threads: THREADS, device: DEVICE, initialJs, results: results.map((r) => ('error' in r ? r : { ...r, ratios: ratios(r) })) }, null, 2));
  fs.writeFileSync(path.join(OUT, `${stamp}.md`), md);
  fs.writeFileSync(path.join(OUT, 'latest.md'), md);
  fs.writeFileSync(path.join(OUT, `${stamp}.svg`), svgChart(results, `Ratios, ${stamp}, ${THREADS} threads, ${DEVICE}`));
  fs.writeFileSync(path.join(OUT, 'latest.svg'), svgChart(results, `Ratios, ${stamp}, ${THREADS} threads, ${DEVICE}`));
  console.log(`\n${md}\nWrote ${path.relative(ROOT, OUT)}/${stamp}.{json,md,svg}`);
}

await main();
