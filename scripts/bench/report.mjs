// @ts-check
/** The bench's outputs: a Markdown table, an SVG chart of the ratios, and the JSON of every figure. */

const COLUMNS = /** @type {const} */ (['app', 'bare', 'raw', 'native']);
/** The issue's target for `app / raw` on a decoder: the app's decode within 1.15× of the raw session loop. */
export const APP_OVER_RAW_TARGET = 1.15;

/** @param {number | undefined} n @param {string} [unit] */
export const fmt = (n, unit = 'ms') => (n === undefined || Number.isNaN(n) ? '—' : `${n >= 100 ? n.toFixed(0) : n.toFixed(n < 10 ? 2 : 1)}${unit ? ` ${unit}` : ''}`);
/** @param {number | undefined} a @param {number | undefined} b */
export const ratio = (a, b) => (a && b ? a / b : undefined);
const x = (/** @type {number | undefined} */ r) => (r === undefined ? '—' : `${r.toFixed(2)}×`);
/** ✓ or ✗ against a target (at most), nothing where there is no ratio. */
const mark = (/** @type {number | undefined} */ r, /** @type {number} */ target) => (r === undefined ? '' : r <= target ? ' ✓' : ' ✗');
const mb = (/** @type {number | undefined} */ b) => (b === undefined ? '—' : `${(b / 1e6).toFixed(0)} MB`);

/**
 * The ratios of one case: `app / bare` is the app's own cost, `bare / native` the browser runtime's; for a decoder
 * `app / raw` is the app's cost over the plain session loop on the same runtime (target ≤ 1.15) and `raw / native`
 * the floor's own distance from native. For generation the decode rate is the figure (inverted, so above 1 is
 * slower, like the latencies).
 * @param {any} r
 */
export function ratios(r) {
  const time = (/** @type {string} */ col) => (r.generation ? (r[col]?.decodeTps ? 1000 / r[col].decodeTps : undefined) : r[col]?.medianMs);
  // The same figure on the returning visit (the page reloaded: V8's code from its cache, no tier-up under way).
  const again = (/** @type {string} */ col) => (r.generation ? (r[col]?.returnDecodeTps ? 1000 / r[col].returnDecodeTps : undefined) : r[col]?.returnMedianMs);
  return {
    appOverBare: ratio(time('app'), time('bare')),
    appOverBareReturning: ratio(again('app'), again('bare')),
    appOverRaw: ratio(time('app'), time('raw')),
    bareOverNative: ratio(time('bare'), time('native')),
    rawOverNative: ratio(time('raw'), time('native')),
    appOverNative: ratio(time('app'), time('native')),
  };
}

/** The issue's target for a load from the browser cache: at most 1.5× native session creation of the same file. */
export const CACHE_LOAD_TARGET = 1.5;

/**
 * A load from the browser cache against native's loads of the same file: its second session in the same process
 * (`native.cacheLoadMs`, a heap already grown) and its first in a fresh process (`native.coldLoadMs`, the file in
 * the OS's cache). A page reload starts a fresh worker with a fresh WASM heap, so the fresh process is the
 * like-for-like figure; both are printed.
 * @param {any} r
 */
export function cacheRatios(r) {
  return {
    appOverBare: ratio(r.app?.cacheLoadMs, r.bare?.cacheLoadMs),
    appOverNative: ratio(r.app?.cacheLoadMs, r.native?.cacheLoadMs),
    bareOverNative: ratio(r.bare?.cacheLoadMs, r.native?.cacheLoadMs),
    appOverNativeFresh: ratio(r.app?.cacheLoadMs, r.native?.coldLoadMs),
    bareOverNativeFresh: ratio(r.bare?.cacheLoadMs, r.native?.coldLoadMs),
  };
}

/** @param {any[]} results */
export function markdown(results, header = '') {
  const rows = [];
  rows.push('| case | model | col | cold load | cache load | first run | median | p90 | median, returning | TTFT (prefill tok/s) | decode tok/s | memory | longest task load / run |');
  rows.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    if (r.error) {
      rows.push(`| ${r.id} | ${r.model} | — | failed: ${String(r.error).split('\n')[0].replace(/\|/g, '/').slice(0, 120)} | | | | | | | | | |`);
      continue;
    }
    for (const col of COLUMNS) {
      const m = r[col];
      if (!m) continue;
      const ttft = m.ttftMs === undefined ? '—' : `${fmt(m.ttftMs)} (${fmt(m.prefillTps, '')})`;
      const task = (/** @type {number | undefined} */ ms) => (ms === 0 ? '< 50 ms' : fmt(ms));
      const tasks = col === 'native' ? '—' : `${task(m.loadLongTask)} / ${task(m.runLongTask)}`;
      rows.push(`| ${r.id} | ${r.model}${m.dtype ? ` (${m.dtype})` : ''} | ${col} | ${fmt(m.coldLoadMs)} | ${fmt(m.cacheLoadMs)} | ${fmt(m.firstMs)} | ${fmt(m.medianMs)} | ${fmt(m.p90Ms)} | ${fmt(m.returnMedianMs)} | ${ttft} | ${fmt(m.decodeTps, '')} | ${mb(m.memory)} | ${tasks} |`);
    }
  }
  rows.push('', '| case | app / bare | app / bare, returning visit | app / raw (≤ 1.15) | bare / native | raw / native | app / native | figure |', '|---|---|---|---|---|---|---|---|');
  for (const r of results.filter((k) => !k.error)) {
    const q = ratios(r);
    const equal = r.outputsEqual === undefined ? '' : ` · WebGPU output ${r.outputsEqual ? '=' : '≠'} WASM's`;
    const met = mark(q.appOverRaw, APP_OVER_RAW_TARGET);
    rows.push(`| ${r.id} | ${x(q.appOverBare)} | ${x(q.appOverBareReturning)} | ${x(q.appOverRaw)}${met} | ${x(q.bareOverNative)} | ${x(q.rawOverNative)} | ${x(q.appOverNative)} | ${r.generation ? 'ms per decoded token' : 'median latency'}${equal} |`);
  }
  const cached = results.filter((k) => !k.error && k.app?.cacheLoadMs !== undefined && k.native);
  if (cached.length > 0) {
    rows.push(
      '',
      `| case | cache load: app / bare | app / native (same process, ≤ ${CACHE_LOAD_TARGET}) | bare / native | app / native (fresh process, ≤ ${CACHE_LOAD_TARGET}) | bare / native (fresh process) |`,
      '|---|---|---|---|---|---|',
    );
    for (const r of cached) {
      const q = cacheRatios(r);
      rows.push(`| ${r.id} | ${x(q.appOverBare)} | ${x(q.appOverNative)}${mark(q.appOverNative, CACHE_LOAD_TARGET)} | ${x(q.bareOverNative)} | ${x(q.appOverNativeFresh)}${mark(q.appOverNativeFresh, CACHE_LOAD_TARGET)} | ${x(q.bareOverNativeFresh)} |`);
    }
  }
  return `${header}${rows.join('\n')}\n`;
}

const esc = (/** @type {string} */ s) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A bar chart of the two ratios per case, on a log scale, with the 1× line. @param {any[]} results @param {string} title */
export function svgChart(results, title) {
  const rows = results.filter((r) => !r.error).map((r) => ({ id: r.id, ...ratios(r) }));
  const rowH = 48;
  const width = 720;
  const left = 150;
  const plot = width - left - 80;
  const height = 60 + rows.length * rowH + 30;
  const values = rows.flatMap((r) => [r.appOverBare ?? 1, r.bareOverNative ?? 1, r.appOverRaw ?? 1]);
  const max = Math.max(2, ...values);
  const min = Math.min(0.5, ...values) * 0.8;
  const scale = (/** @type {number} */ v) => (Math.log(v / min) / Math.log(max / min)) * plot;
  const bars = rows.flatMap((r, i) => {
    const y = 50 + i * rowH;
    const bar = (/** @type {number | undefined} */ v, /** @type {number} */ dy, /** @type {string} */ color) =>
      v === undefined ? '' : `<rect x="${left}" y="${y + dy}" width="${scale(v).toFixed(1)}" height="12" fill="${color}"/><text x="${left + scale(v) + 4}" y="${y + dy + 10}" font-size="11">${v.toFixed(2)}×</text>`;
    return [`<text x="${left - 8}" y="${y + 18}" font-size="12" text-anchor="end">${esc(r.id)}</text>`, bar(r.appOverBare, 2, '#4c78a8'), bar(r.bareOverNative, 16, '#f58518'), bar(r.appOverRaw, 30, '#54a24b')];
  });
  const one = left + scale(1);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="20" font-size="14" font-weight="bold">${esc(title)}</text>
<rect x="${left}" y="30" width="10" height="10" fill="#4c78a8"/><text x="${left + 14}" y="39" font-size="11">app / bare (the app's own cost)</text>
<rect x="${left + 190}" y="30" width="10" height="10" fill="#f58518"/><text x="${left + 204}" y="39" font-size="11">bare / native (the browser runtime's)</text>
<rect x="${left + 400}" y="30" width="10" height="10" fill="#54a24b"/><text x="${left + 414}" y="39" font-size="11">app / raw (decoders)</text>
<line x1="${one}" y1="45" x2="${one}" y2="${height - 25}" stroke="#888" stroke-dasharray="3,3"/><text x="${one}" y="${height - 10}" font-size="11" text-anchor="middle">1× (log scale)</text>
${bars.join('\n')}
</svg>
`;
}
