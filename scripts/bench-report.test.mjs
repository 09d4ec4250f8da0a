// @ts-check
// The bench's arithmetic and outputs: quantiles, the decode rate as the app computes it, the ratios, the table
// and the chart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantile, summarize } from './bench/stats.mjs';
import { cacheRatios, markdown, ratios, svgChart } from './bench/report.mjs';
import { runInterleaved } from './bench/interleave.mjs';

test('quantile is nearest-rank: median and p90 of ten runs', () => {
  const runs = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
  assert.equal(quantile(runs, 0.5), 5);
  assert.equal(quantile(runs, 0.9), 9);
  assert.equal(quantile([], 0.5), undefined);
});

test('summarize: TTFT, prefill tok/s from the prompt length, decode tok/s over the tokens after the first', () => {
  const run = { ms: 1100, ttftMs: 100, tokens: 129 };
  const s = summarize({ promptTokens: 128 }, { ms: 50, longTask: 0 }, 20, run, [run, { ...run, ms: 2100 }, run]);
  assert.equal(s.ttftMs, 100);
  assert.equal(s.prefillTps, 1280);
  assert.equal(s.decodeTps, 128); // 128 tokens after the first in 1000 ms
  assert.equal(s.medianMs, 1100);
  assert.equal(s.p90Ms, 2100);
});

test('ratios: latency for one-shot cases, time per decoded token for generation', () => {
  const oneShot = { app: { medianMs: 11, returnMedianMs: 6 }, bare: { medianMs: 10, returnMedianMs: 5 }, native: { medianMs: 4 } };
  assert.deepEqual(ratios(oneShot), { appOverBare: 1.1, appOverBareReturning: 1.2, appOverRaw: undefined, bareOverNative: 2.5, rawOverNative: undefined, appOverNative: 2.75 });
  const gen = { generation: true, app: { decodeTps: 50, returnDecodeTps: 90 }, bare: { decodeTps: 100, returnDecodeTps: 100 }, raw: { decodeTps: 80 }, native: { decodeTps: 400 } };
  assert.deepEqual(ratios(gen), { appOverBare: 2, appOverBareReturning: 1.1111111111111112, appOverRaw: 1.6, bareOverNative: 4, rawOverNative: 5, appOverNative: 8 });
});

test('markdown and SVG: a row per column, a ratio row per case, failures named; model text escaped in the SVG', () => {
  const ok = { id: 'a<b', model: 'm', app: { medianMs: 2, loadLongTask: 0, runLongTask: 60 }, bare: { medianMs: 1 }, native: { medianMs: 1 } };
  const failed = { id: 'x', model: 'n', error: 'load failed: 404\nCall log' };
  const md = markdown([ok, failed]);
  assert.match(md, /\| a<b \| m \| app \| .* \| < 50 ms \/ 60.0 ms \|/);
  assert.match(md, /\| x \| n \| — \| failed: load failed: 404 \|/);
  assert.match(md, /\| a<b \| 2\.00× \| — \| — \| 1\.00× \| — \| 2\.00× \| median latency \|/);
  const svg = svgChart([ok, failed], 'T');
  assert.match(svg, /^<svg /);
  assert.ok(svg.includes('a&#60;b') && !svg.includes('>a<b<'));
});

test('cache loads against native: same process and fresh process, marked against the 1.5 target', () => {
  const r = { id: 'big', model: 'm', app: { medianMs: 1, cacheLoadMs: 6000 }, bare: { medianMs: 1, cacheLoadMs: 5000 }, native: { medianMs: 1, coldLoadMs: 4000, cacheLoadMs: 2000 } };
  assert.deepEqual(cacheRatios(r), { appOverBare: 1.2, appOverNative: 3, bareOverNative: 2.5, appOverNativeFresh: 1.5, bareOverNativeFresh: 1.25 });
  assert.match(markdown([r]), /\| big \| 1\.20× \| 3\.00× ✗ \| 2\.50× \| 1\.50× ✓ \| 1\.25× \|/);
  // A case without a cache load (the ONNX lab's) has no row there.
  assert.doesNotMatch(markdown([{ ...r, app: { medianMs: 1 } }]), /cache load: app/);
});

test('runInterleaved: first runs, then app and bare alternate who goes first; each column summarized from its own runs; then the returning visit, alternated too, and the pages closed', async () => {
  /** @type {string[]} */
  const order = [];
  const page = (/** @type {string} */ name, /** @type {number} */ ms) => {
    let n = 0;
    let returning = false;
    return {
      cold: { ms: 1 },
      run: async () => {
        order.push(`${name}${returning ? 'r' : ''}${n}`);
        // The returning visit's runs are half as long: what its summary must read.
        return returning ? { ms: ms / 2 + n++, sessionMs: name === 'bare' ? 0.5 : undefined } : { ms: ms + n++, sessionMs: name === 'bare' ? 1 : undefined };
      },
      finish: async () => {
        order.push(`${name}-finish`);
        returning = true;
        n = 0;
        return { cacheMs: ms * 10, reopened: true };
      },
      close: async () => {
        order.push(`${name}-close`);
      },
    };
  };
  const { app, bare } = await runInterleaved({ app: page('app', 100), bare: page('bare', 200) }, {}, 4, 2);
  assert.deepEqual(order, [
    'app0', 'bare0', 'app1', 'bare1', 'bare2', 'app2', 'app3', 'bare3', 'bare4', 'app4',
    'app-finish', 'bare-finish', 'appr0', 'barer0', 'barer1', 'appr1', 'app-close', 'bare-close',
  ]);
  assert.equal(app.firstMs, 100);
  assert.equal(app.medianMs, 102);
  assert.equal(bare.medianMs, 202);
  assert.equal(bare.cacheLoadMs, 2000);
  assert.equal(bare.sessionMs, 1);
  assert.equal(app.returnMedianMs, 50);
  assert.equal(bare.returnMedianMs, 100);
  assert.equal(bare.returnSessionMs, 0.5);
  assert.equal('reopened' in app, false);
});

test('runInterleaved: further loads from the cache alternate the pages that reopened, before the returning runs; the column keeps their median and each', async () => {
  /** @type {string[]} */
  const order = [];
  const page = (/** @type {string} */ name, /** @type {number[]} */ loads, /** @type {boolean} */ reopened = true) => {
    let loaded = 0;
    return {
      cold: { ms: 1 },
      run: async () => {
        order.push(`${name}-run`);
        return { ms: 10 };
      },
      finish: async () => {
        order.push(`${name}-finish`);
        return { cacheMs: reopened ? loads[loaded++] : undefined, reopened };
      },
      ...(reopened ? { reload: async () => (order.push(`${name}-reload`), { ms: loads[loaded++] }) } : {}),
    };
  };
  const { app, bare, raw } = await runInterleaved({ app: page('app', [900, 300, 500]), bare: page('bare', [200, 400, 100]), raw: page('raw', [], false) }, {}, 0, 1, 3);
  assert.deepEqual(order, [
    'app-run', 'bare-run', 'raw-run', 'app-finish', 'bare-finish', 'raw-finish',
    'app-reload', 'bare-reload', 'bare-reload', 'app-reload', 'app-run', 'bare-run',
  ]);
  assert.equal(app.cacheLoadMs, 500);
  assert.deepEqual(app.cacheLoadsMs, [900, 300, 500]);
  assert.equal(bare.cacheLoadMs, 200);
  assert.deepEqual(bare.cacheLoadsMs, [200, 400, 100]);
  assert.equal(raw.cacheLoadMs, undefined);
  assert.equal('cacheLoadsMs' in raw, false);
});

test('runInterleaved: a page that did not reopen (the ONNX lab) has no returning runs, and a failed returning run still closes every page', async () => {
  /** @type {string[]} */
  const closed = [];
  const page = (/** @type {string} */ name, /** @type {boolean} */ reopened, /** @type {boolean} */ failAgain) => {
    let finished = false;
    return {
      cold: {},
      run: async () => {
        if (finished && failAgain) throw new Error('run failed');
        return { ms: 10 };
      },
      finish: async () => {
        finished = true;
        return { reopened };
      },
      close: async () => {
        closed.push(name);
      },
    };
  };
  const { app, bare } = await runInterleaved({ app: page('app', false, false), bare: page('bare', true, false) }, {}, 1);
  assert.equal(app.returnMedianMs, undefined);
  assert.equal(bare.returnMedianMs, 10);
  await assert.rejects(runInterleaved({ app: page('app', true, true), bare: page('bare', true, false) }, {}, 1), /run failed/);
  assert.deepEqual(closed, ['app', 'bare', 'app', 'bare']);
});

test('markdown: a decoder\'s raw row and its app / raw ratio, marked against the 1.15 target', () => {
  const col = (/** @type {number} */ tps) => ({ decodeTps: tps, ttftMs: 10 });
  const met = { id: 'dec', model: 'm', generation: true, app: col(110), bare: col(100), raw: col(120), native: col(240) };
  const missed = { ...met, id: 'slow', app: col(60) };
  const md = markdown([met, missed]);
  assert.match(md, /\| dec \| m \| raw \| — \| — \| — \| — \| — \| — \| 10\.0 ms \(—\) \| 120 \| — \| — \/ — \|/);
  assert.match(md, /\| dec \| 0\.91× \| — \| 1\.09× ✓ \| 2\.40× \| 2\.00× \| 2\.18× \| ms per decoded token \|/);
  assert.match(md, /\| slow \| 1\.67× \| — \| 2\.00× ✗ \|/);
  assert.match(svgChart([met], 'T'), /app \/ raw/);
});

test('runInterleaved with a raw column: rounds alternate app, bare, raw and raw, bare, app; raw keeps its step time and token check', async () => {
  /** @type {string[]} */
  const order = [];
  const page = (/** @type {string} */ name) => {
    let n = 0;
    return {
      cold: { threads: 1 },
      run: async () => {
        order.push(`${name}${n++}`);
        return name === 'raw' ? { ms: 1000, ttftMs: 100, tokens: 10, stepMs: 100, sameText: true } : { ms: 2000, ttftMs: 200, tokens: 10 };
      },
      finish: async () => ({}),
    };
  };
  const { app, raw } = await runInterleaved({ app: page('app'), bare: page('bare'), raw: page('raw') }, {}, 2);
  assert.deepEqual(order, ['app0', 'bare0', 'raw0', 'app1', 'bare1', 'raw1', 'raw2', 'bare2', 'app2']);
  assert.equal(raw.decodeTps, 10); // 9 tokens after the first in 900 ms
  assert.equal(app.decodeTps, 5);
  assert.equal(raw.stepMs, 100);
  assert.equal(raw.sameText, true);
  assert.equal(raw.threads, 1);
});
