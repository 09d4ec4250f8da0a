// @ts-check
// `node scripts/decode-profile.mjs`: where each generated token's time goes, in Chromium. Builds the bare page
// bench/decode/ (no app around it), serves it cross-origin isolated, and times one greedy generation four ways
// on the same onnxruntime-web session: Transformers.js' pipeline, its model.generate, the project's lean loop
// (src/tasks/shared/lean-decode.ts) and the raw session loop (the WASM floor), with the time in session.run,
// the streamer and postMessage. PROFILE_MODEL, PROFILE_THREADS (e.g. "1,2"), PROFILE_TOKENS, PROFILE_REPS,
// PROFILE_DTYPE (fp32, q4, …), PROFILE_PROMPT (the prompt's text; default "Once upon a time"), PROFILE_PORT, MIRROR_PORT select; MIRROR_EXTRA_DIRS=bench-models serves the generated
// real-size decoders (PROFILE_MODEL=bench-random/llama-135m).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs';
import { startMirror } from './model-mirror.mjs';
import { transformersInitChain } from './transformers-init-chain.mjs';

const MODEL = process.env.PROFILE_MODEL ?? 'karpathy/tinyllamas-stories260K';
const THREADS = (process.env.PROFILE_THREADS ?? '1,2').split(',').map(Number);
// Which onnxruntime WASM build Transformers.js runs on: asyncify (what it ships with) and/or plain.
const BUILDS = (process.env.PROFILE_BUILDS ?? 'asyncify,plain').split(',');
const TOKENS = Number(process.env.PROFILE_TOKENS ?? 64);
const DTYPE = process.env.PROFILE_DTYPE ?? 'fp32';
const REPS = Number(process.env.PROFILE_REPS ?? 5);
const PORT = Number(process.env.PROFILE_PORT ?? 4403);
const PROMPT = process.env.PROFILE_PROMPT;
const root = path.resolve(import.meta.dirname, '..', 'bench', 'decode');
const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

const outDir = mkdtempSync(path.join(os.tmpdir(), 'decode-profile-'));
const config = {
  root,
  configFile: /** @type {false} */ (false),
  logLevel: /** @type {const} */ ('warn'),
  worker: { format: /** @type {const} */ ('es'), plugins: () => [transformersInitChain()] },
  build: { outDir, emptyOutDir: true, target: 'es2022' },
  preview: { port: PORT, strictPort: true, headers },
};
const mirror = await startMirror({ port: Number(process.env.MIRROR_PORT) || 8303 });
/** @type {import("vite").PreviewServer | undefined} */
let server;
let browser;
try {
  await build(config);
  server = await preview(config);
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const rows = [];
  /** @type {number | undefined} */
  let promptTokens;
  for (const threads of THREADS) for (const wasmBuild of BUILDS) {
    const page = await browser.newPage();
    const query = new URLSearchParams({ host: mirror.url, model: MODEL, threads: String(threads), build: wasmBuild, tokens: String(TOKENS), reps: String(REPS), dtype: DTYPE, ...(PROMPT ? { prompt: PROMPT } : {}) });
    await page.goto(`http://localhost:${PORT}/?${query}`);
    await page.waitForFunction(() => 'decodeProfile' in window, undefined, { timeout: 600_000 });
    const report = /** @type {Record<string, any>} */ (await page.evaluate(() => /** @type {any} */ (window).decodeProfile));
    if (report.error) throw new Error(report.error);
    console.log(JSON.stringify(report));
    for (const name of ['pipeline', 'generate', 'lean', 'raw', 'rawPlain']) rows.push({ threads, build: wasmBuild, name, ...report[name] });
    promptTokens = report.promptTokens;
    await page.close();
  }
  console.log(`\n${MODEL} (${DTYPE}), ${TOKENS} greedy tokens after a ${promptTokens}-token prompt, median of ${REPS} (ms; decode = tokens after the first)`);
  console.log('threads | build | loop | total | min | per token p10 / p50 | session.run p10 / p50 | run share | streamer | postMessage | decode tok/s (p50) | same text');
  for (const r of rows) {
    const reference = rows.find((x) => x.threads === r.threads && x.build === r.build && x.name === 'generate');
    const same = r.text === undefined ? '—' : r.text === reference.text ? 'yes' : 'NO';
    const f = (/** @type {number} */ v) => (v === undefined ? '—' : v.toFixed(1));
    console.log(`${r.threads} | ${r.build} | ${r.name.padEnd(8)} | ${f(r.totalMs)} | ${f(r.minTotalMs)} | ${r.tokenMsP10.toFixed(2)} / ${r.tokenMsP50.toFixed(2)} | ${r.runMsP10.toFixed(2)} / ${r.runMsP50.toFixed(2)} | ${((r.runMs / r.totalMs) * 100).toFixed(0)} % | ${f(r.streamMs)} | ${f(r.postMs)} | ${(1000 / r.tokenMsP50).toFixed(0)} | ${same}`);
  }
} finally {
  await browser?.close();
  await new Promise((resolve) => (server ? server.httpServer.close(resolve) : resolve(undefined)));
  await mirror.close();
  rmSync(outDir, { recursive: true, force: true });
}
