// @ts-check
// `node scripts/code-cache-visits.mjs [case] [runs]` (env: COL=bare|app, VISITS, DTYPE, SW=block, CPU=1, MOTION=reduce, MODELS_DIR): how much faster a
// model runs on a returning visit, when V8's compiled WASM code comes from Chromium's code cache, and where each load's time went (its worker spans). It uses one browser
// profile on disk. The first visit loads the bench case (default bert-base-classifier-classify) and runs it `runs`
// times (default 30): V8 starts onnxruntime on its baseline compiler and moves hot functions to its optimising one
// as they run. It then waits for Chromium to write the code cache. Each later visit reloads the page, loads the
// model from the browser cache and runs it again. It prints the `session.run` ms of every run and the median of
// each visit. The page comes from the bench's own static server (scripts/static-server.mjs: validators, immutable
// hashed assets); without them the cached code is dropped with every new download of the WASM (README,
// Publish a demo). CPU=1 (Linux) also prints, per visit, the CPU time of every Chromium thread over its runs (a share of
// the wall time, and context switches): V8 compiling again shows as the renderer's ThreadPoolForegroundWorker. Needs the bench's builds (`npm run bench` makes them) and, for the bench-random models,
// `node scripts/llama-onnx/bench-models.mjs`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs';
import { build, startServers } from './bench/servers.mjs';
import { benchCases, GENERATED_DIR } from './bench/cases.mjs';
import { openBare } from './bench/bare-driver.mjs';
import { openApp } from './bench/app-driver.mjs';
import { quantile } from './bench/stats.mjs';
import { defaultDir } from './model-mirror.mjs';

const [only = 'bert-base-classifier-classify', runsArg = '30'] = process.argv.slice(2);
const runs = Number(runsArg);
const visits = Number(process.env.VISITS ?? 2);
const column = process.env.COL === 'app' ? 'app' : 'bare';
const MODELS = defaultDir();
const [c] = await benchCases({ only, roots: [MODELS, GENERATED_DIR], log: (line) => console.error(line) });
if (!c || c.kind !== 'pipeline') {
  console.error(`usage: node scripts/code-cache-visits.mjs [bench case id: a pipeline case] [runs]; "${only}" is none`);
  process.exit(2);
}
// One precision for both pages (DTYPE, else the case's own, else the app's default q8 for these cases): the bare
// page left to itself would take Transformers.js' default file, another file than the app's.
const caseWithDtype = { ...c, dtype: process.env.DTYPE ?? c.dtype ?? 'q8' };
build({ onlyMissing: true });
const servers = await startServers({ appPort: Number(process.env.APP_PORT ?? 0), mirrorPort: 0, modelsDir: MODELS, extraDirs: fs.existsSync(GENERATED_DIR) ? [GENERATED_DIR] : [] });
const env = { appUrl: servers.appUrl, bareUrl: servers.bareUrl, mirrorUrl: servers.mirrorUrl, runs, threads: Number(process.env.BENCH_THREADS ?? 2), device: 'wasm' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cache-visits-'));
// SW=block: the app without its service worker, its WASM then from the HTTP cache as the bare page's is.
const context = await chromium.launchPersistentContext(dir, { executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true, ...(process.env.MOTION === 'reduce' ? { reducedMotion: 'reduce' } : {}), serviceWorkers: process.env.SW === 'block' ? 'block' : 'allow' });
// Every visit opens a page in this one profile; the drivers' own "fresh profile" is this context again.
const sameProfile = { newContext: async () => context };
try {
  for (let visit = 1; visit <= visits; visit++) {
    const page = column === 'app' ? await openApp(sameProfile, caseWithDtype, env) : await openBare(sameProfile, caseWithDtype, env, caseWithDtype.dtype);
    /** @type {number[]} */
    const ms = [];
    const before = process.env.CPU ? threadTimes() : undefined;
    const from = Date.now();
    for (let i = 0; i < runs; i++) ms.push(Number((await page.run()).sessionMs));
    const median = quantile(ms, 0.5);
    console.log(`${column} visit ${visit}: load ${Math.round(Number(page.cold.ms))} ms${spansOf(page.cold.spans)}; session.run median ${median?.toFixed(1)} ms; each: ${ms.map((m) => Math.round(m)).join(' ')}`);
    if (before) printCpu(before, threadTimes(), (Date.now() - from) / 1000);
    // Chromium writes the code cache about 2 s after V8's last optimised function (V8's wasm_caching_timeout_ms).
    if (visit < visits) await new Promise((resolve) => setTimeout(resolve, 6000));
    for (const open of context.pages()) await open.close();
  }
} finally {
  await context.close();
  await servers.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The load's spans in the worker (`load:*` measures in the app's, the bare page's own), as " (pipeline 325, warmup 103)". */
function spansOf(/** @type {Record<string, number> | undefined} */ spans) {
  const entries = Object.entries(spans ?? {});
  return entries.length === 0 ? '' : ` (${entries.map(([name, ms]) => `${name} ${ms}`).join(', ')})`;
}

/**
 * CPU ticks and context switches of every thread of every Chromium process now, from /proc (Linux).
 * @returns {Map<string, { type: string, name: string, ticks: number, switches: number, preempted: number }>}
 */
function threadTimes() {
  const out = new Map();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let cmd;
    try {
      cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!/chrom/.test(cmd.split('\0')[0] ?? '')) continue;
    const type = cmd.match(/--type=([a-z-]+)/)?.[1] ?? 'browser';
    let tasks = [];
    try {
      tasks = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const status = fs.readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8');
        out.set(`${pid}/${tid}`, {
          type,
          name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
          // utime + stime, in clock ticks (USER_HZ, 100 on Linux).
          ticks: Number(fields[11]) + Number(fields[12]),
          switches: Number(status.match(/^voluntary_ctxt_switches:\s+(\d+)/m)?.[1] ?? 0),
          preempted: Number(status.match(/^nonvoluntary_ctxt_switches:\s+(\d+)/m)?.[1] ?? 0),
        });
      } catch {
        // The thread ended meanwhile.
      }
    }
  }
  return out;
}

/** The threads that used at least 1 % of the wall time between two readings, busiest first. */
function printCpu(/** @type {ReturnType<typeof threadTimes>} */ before, /** @type {ReturnType<typeof threadTimes>} */ after, /** @type {number} */ wallS) {
  const rows = [];
  for (const [key, now] of after) {
    const then = before.get(key) ?? { ticks: 0, switches: 0, preempted: 0 };
    const share = (now.ticks - then.ticks) / 100 / wallS;
    if (share >= 0.01) rows.push({ thread: `${now.type} ${now.name}`, cpu: `${(100 * share).toFixed(1)} %`, switches: now.switches - then.switches, preempted: now.preempted - then.preempted, share });
  }
  rows.sort((a, b) => b.share - a.share);
  console.log(`  CPU over ${wallS.toFixed(1)} s of runs (share of wall time; voluntary / preempted context switches):`);
  for (const r of rows) console.log(`    ${r.thread.padEnd(34)} ${r.cpu.padStart(8)}  ${r.switches} / ${r.preempted}`);
}
