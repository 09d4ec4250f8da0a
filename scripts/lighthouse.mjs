// @ts-check
/**
 * `npm run lighthouse`: Lighthouse (mobile emulation, simulated throttling: its defaults) against the
 * production build served by `vite preview`, on the first screen and on task pages (`?task=<id>`), each
 * run several times; prints the median per page and writes the results to bench-results/.
 *
 *   node scripts/lighthouse.mjs [--pages home,chat,...] [--runs 3] [--port N] [--mirror-port N] [--no-mirror]
 *
 * It builds `dist/` when missing or older than the sources, starts `vite preview` and the model mirror
 * unless they already answer on their ports, and stops everything it started. Lighthouse 12 has no PWA
 * category any more: the PWA column is Chromium's own installability check (the manifest) plus whether
 * the service worker, once installed, controls the page after a reload (what makes it work offline).
 * Low scores are reported, not failures: it exits non-zero only when it could not run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs';
import { CATEGORIES, USAGE, UsageError, formatTable, medianSummary, pageUrl, parseArgs, pwaVerdict, summarize } from './lighthouse-report.mjs';
import { defaultDir, startMirror } from './model-mirror.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

/** @type {(() => Promise<void>)[]} what to stop, newest first */
const cleanups = [];

async function stopAll() {
  while (cleanups.length) await cleanups.shift()?.().catch(() => undefined);
}

/** @param {string} file @returns {number} newest modification time under `file` */
function newest(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newest(path.join(file, name))));
}

/** @param {'auto' | 'always' | 'never'} mode */
function buildIfNeeded(mode) {
  const built = newest(path.join(ROOT, 'dist', 'index.html'));
  const stale = built === 0 || SOURCES.some((s) => newest(path.join(ROOT, s)) > built);
  if (mode === 'never' || (mode === 'auto' && !stale)) return;
  console.log('Building dist/ (vite build)…');
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

/** @param {string} url @returns {Promise<string | undefined>} the body, or undefined when nothing answers */
async function probe(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return res.ok ? await res.text() : undefined;
  } catch {
    return undefined;
  }
}

/** @param {number} port @returns {Promise<string>} the app's URL */
async function ensurePreview(port) {
  const url = `http://localhost:${port}/`;
  const body = await probe(url);
  if (body?.includes('<title>Model Playground')) return url;
  if (body !== undefined) throw new Error(`Port ${port} serves something else than the app; pick another with --port.`);
  const { preview } = await import('vite');
  const server = await preview({ root: ROOT, logLevel: 'warn', preview: { port, strictPort: true, host: 'localhost' } });
  cleanups.unshift(() => server.close());
  return url;
}

/** @param {number} port @returns {Promise<string | undefined>} the mirror's URL, or undefined (the Hub) */
async function ensureMirror(port) {
  const url = `http://127.0.0.1:${port}/`;
  if ((await probe(`${url}api/models`)) !== undefined) return url;
  if (!existsSync(defaultDir())) {
    console.warn(`No models folder at ${defaultDir()} (MODELS_DIR): the pages point at the Hugging Face Hub.`);
    return undefined;
  }
  const mirror = await startMirror({ dir: defaultDir(), port, host: '127.0.0.1' });
  cleanups.unshift(() => mirror.close());
  return mirror.url;
}

async function launchChrome() {
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({ chromePath: findChromium(), chromeFlags: [...CHROMIUM_ARGS, '--headless=new'], logLevel: 'silent' });
  cleanups.unshift(async () => chrome.kill());
  return chrome;
}

/**
 * Chromium's installability verdict for the manifest, and whether the service worker controls the page
 * once it is active (what Lighthouse's PWA category checked before version 12).
 * @param {string} url
 */
async function pwaFacts(url) {
  const { chromium } = await import('@playwright/test');
  // A profile on disk: Chromium does not offer to install from an incognito (default Playwright) context.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'lighthouse-pwa-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    // The worker precaches ~45 MB (WASM, OCR models) before it activates; it serves the next load.
    // Polled from here: waitForFunction does not wait for a predicate's promise (a promise is truthy), so it
    // used to return at once and the reload then found no worker in control.
    let active = false;
    for (const deadline = Date.now() + 120_000; !active && Date.now() < deadline; ) {
      active = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === 'activated'));
      if (!active) await page.waitForTimeout(500);
    }
    if (active) await page.reload();
    const controls = active && (await page.evaluate(() => navigator.serviceWorker.controller !== null));
    /** @type {'controls' | 'active' | 'none'} */
    const sw = controls ? 'controls' : active ? 'active' : 'none';
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    const manifest = await cdp.send('Page.getAppManifest', {});
    const icons = JSON.parse(manifest.data ?? '{}').icons ?? [];
    return { installErrors: installabilityErrors.map((e) => e.errorId), sw, manifestIcons: icons.length };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** @param {number} port @param {string} url @param {number} runs */
async function auditPage(port, url, runs) {
  const { default: lighthouse } = await import('lighthouse');
  const summaries = [];
  let lastLhr;
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const lhr = result?.lhr;
    if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr?.runtimeError?.message ?? 'no result'}`);
    summaries.push(summarize(lhr));
    lastLhr = lhr;
    process.stdout.write('.');
  }
  return { summaries, lastLhr };
}

async function main() {
  const options = parseArgs(process.argv.slice(2), process.env);
  buildIfNeeded(options.build);
  const appUrl = await ensurePreview(options.port);
  const host = options.mirror ? await ensureMirror(options.mirrorPort) : undefined;
  const chrome = await launchChrome();
  const loadBefore = os.loadavg();
  const pages = [];
  for (const page of options.pages) {
    const url = pageUrl(appUrl, page, host);
    process.stdout.write(`${page} `);
    const { summaries, lastLhr } = await auditPage(chrome.port, url, options.runs);
    console.log();
    pages.push({ page, url, runs: summaries, median: medianSummary(summaries), lhr: lastLhr });
  }
  const pwa = pwaVerdict(await pwaFacts(pageUrl(appUrl, 'home', host)));
  const load = { before: loadBefore, after: os.loadavg(), cores: os.cpus().length };

  console.log(`\nLighthouse ${pages[0]?.lhr?.lighthouseVersion}, mobile, simulated throttling; median of ${options.runs} run(s) per page.`);
  console.log(`Load average ${load.before.map((l) => l.toFixed(2)).join(' ')} → ${load.after.map((l) => l.toFixed(2)).join(' ')} on ${load.cores} cores.\n`);
  console.log(formatTable(pages.map((p) => ({ page: p.page, summary: p.median, pwa }))));
  for (const p of pages) if (p.median.failed.length) console.log(`  ${p.page}: audits below 0.9: ${p.median.failed.join(', ')}`);

  const outDir = path.resolve(ROOT, options.out);
  mkdirSync(path.join(outDir, 'lighthouse'), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const summaryFile = path.join(outDir, `lighthouse-${stamp}.json`);
  const summary = { date: new Date().toISOString(), options, load, pwa, pages: pages.map(({ lhr, ...rest }) => rest) };
  writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
  for (const p of pages) writeFileSync(path.join(outDir, 'lighthouse', `${p.page}.json`), JSON.stringify(p.lhr));
  console.log(`\nWrote ${path.relative(ROOT, summaryFile)} and the last full report per page in ${path.relative(ROOT, path.join(outDir, 'lighthouse'))}/.`);
}

const interrupt = () => void stopAll().then(() => process.exit(130));
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);
try {
  await main();
  await stopAll();
  process.exit(0);
} catch (error) {
  await stopAll();
  console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error);
  process.exit(error instanceof UsageError ? 2 : 1);
}
