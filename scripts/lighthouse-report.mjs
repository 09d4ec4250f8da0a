// @ts-check
// Pure helpers of scripts/lighthouse.mjs (arguments, page URLs, medians, the table), unit-tested by
// scripts/lighthouse.test.mjs without running Lighthouse.

/** Lighthouse 12 dropped its PWA category; installability is checked by the script itself (see pwa-check). */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The first screen, then one page per kind of task view: text, streamed chat, image, raw ONNX tool. */
export const DEFAULT_PAGES = ['home', 'chat', 'image-classification', 'onnx-lab'];

/**
 * @typedef {object} Options
 * @property {string[]} pages `home` (the first screen) or task ids, opened as `?task=<id>`
 * @property {number} runs Lighthouse runs per page; the table shows the median
 * @property {number} port port of `vite preview` (reused when it already serves the app)
 * @property {number} mirrorPort port of the model mirror (reused when one already answers)
 * @property {boolean} mirror point the app at the local model mirror (`?host=`), or leave it on the Hub
 * @property {'auto' | 'always' | 'never'} build build `dist/` when it is missing or older than the sources
 * @property {string} out folder for the JSON results
 */

export class UsageError extends Error {
  name = 'UsageError';
}

export const USAGE = `usage: node scripts/lighthouse.mjs [--pages home,chat,...] [--runs N] [--port N] [--mirror-port N]
       [--no-mirror] [--build | --no-build] [--out DIR]
Environment: APP_PORT (default 4173), MIRROR_PORT (default 8089), MODELS_DIR (models for the mirror).`;

/**
 * @param {string[]} argv arguments after the script name
 * @param {Record<string, string | undefined>} env
 * @returns {Options}
 */
export function parseArgs(argv, env = {}) {
  /** @type {Options} */
  const options = {
    pages: DEFAULT_PAGES,
    runs: 3,
    port: Number(env.APP_PORT ?? 4173),
    mirrorPort: Number(env.MIRROR_PORT ?? 8089),
    mirror: true,
    build: 'auto',
    out: 'bench-results',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--pages') options.pages = value().split(',').map((p) => p.trim()).filter(Boolean);
    else if (flag === '--runs') options.runs = positiveInt(flag, value());
    else if (flag === '--port') options.port = positiveInt(flag, value());
    else if (flag === '--mirror-port') options.mirrorPort = positiveInt(flag, value());
    else if (flag === '--no-mirror') options.mirror = false;
    else if (flag === '--build') options.build = 'always';
    else if (flag === '--no-build') options.build = 'never';
    else if (flag === '--out') options.out = value();
    else throw new UsageError(`unknown argument: ${flag}`);
  }
  if (options.pages.length === 0) throw new UsageError('--pages needs at least one page');
  return options;
}

/** @param {string} flag @param {string} text */
function positiveInt(flag, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a positive whole number, got "${text}"`);
  return n;
}

/**
 * The URL Lighthouse opens for a page: `home` is the first screen, anything else a task id.
 * @param {string} appUrl e.g. http://localhost:4173/
 * @param {string} page
 * @param {string | undefined} host model host for `?host=`, or undefined for the Hub
 */
export function pageUrl(appUrl, page, host) {
  const url = new URL(appUrl);
  if (page !== 'home') url.searchParams.set('task', page);
  if (host) url.searchParams.set('host', host);
  return url.href;
}

/** @param {number[]} values @returns {number | undefined} */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * @typedef {object} RunSummary
 * @property {Record<string, number | undefined>} scores 0-100 per category
 * @property {number | undefined} tbt total blocking time, ms
 * @property {number | undefined} cls cumulative layout shift
 * @property {number | undefined} lcp largest contentful paint, ms
 * @property {number | undefined} longestTask the longest main-thread task Lighthouse lists, ms
 * @property {string[]} failed ids of the scored audits below 0.9 (what to look at)
 */

/**
 * The numbers worth keeping from one Lighthouse result (LHR).
 * @param {any} lhr
 * @returns {RunSummary}
 */
export function summarize(lhr) {
  const audit = (/** @type {string} */ id) => lhr.audits?.[id];
  /** @type {Record<string, number | undefined>} */
  const scores = {};
  for (const id of CATEGORIES) {
    const score = lhr.categories?.[id]?.score;
    scores[id] = typeof score === 'number' ? Math.round(score * 100) : undefined;
  }
  const tasks = audit('long-tasks')?.details?.items ?? [];
  const failed = new Set();
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories?.[id]?.auditRefs ?? []) {
      const a = audit(ref.id);
      if (ref.weight > 0 && typeof a?.score === 'number' && a.score < 0.9) failed.add(ref.id);
    }
  }
  return {
    scores,
    tbt: audit('total-blocking-time')?.numericValue,
    cls: audit('cumulative-layout-shift')?.numericValue,
    lcp: audit('largest-contentful-paint')?.numericValue,
    longestTask: tasks.length ? Math.max(...tasks.map((/** @type {{ duration: number }} */ t) => t.duration)) : 0,
    failed: [...failed],
  };
}

/**
 * The median of each number over several runs of one page; `failed` lists audits that failed in any run.
 * @param {RunSummary[]} runs
 * @returns {RunSummary}
 */
export function medianSummary(runs) {
  /** @type {Record<string, number | undefined>} */
  const scores = {};
  for (const id of CATEGORIES) scores[id] = median(runs.map((r) => r.scores[id] ?? NaN));
  const pick = (/** @type {'tbt' | 'cls' | 'lcp' | 'longestTask'} */ key) => median(runs.map((r) => r[key] ?? NaN));
  return {
    scores,
    tbt: pick('tbt'),
    cls: pick('cls'),
    lcp: pick('lcp'),
    longestTask: pick('longestTask'),
    failed: [...new Set(runs.flatMap((r) => r.failed))],
  };
}

/** @param {number | undefined} value @param {number} digits */
function fmt(value, digits = 0) {
  return value === undefined ? '–' : value.toFixed(digits);
}

/**
 * A Markdown table (readable in a terminal, pastable into the README): one row per page.
 * @param {{ page: string, summary: RunSummary, pwa: string }[]} rows
 */
export function formatTable(rows) {
  const head = ['page', 'perf', 'a11y', 'best pr.', 'SEO', 'PWA (own check)', 'TBT ms', 'longest task ms', 'CLS', 'LCP ms'];
  const body = rows.map(({ page, summary: s, pwa }) => [
    page,
    fmt(s.scores.performance),
    fmt(s.scores.accessibility),
    fmt(s.scores['best-practices']),
    fmt(s.scores.seo),
    pwa,
    fmt(s.tbt),
    fmt(s.longestTask),
    fmt(s.cls, 3),
    fmt(s.lcp),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (/** @type {string[]} */ cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

const SW_STATES = {
  none: 'no SW active',
  active: 'SW active, not controlling after reload',
  controls: 'SW controls page after reload',
};

/**
 * One line for the PWA column from Chromium's own installability verdict and the service worker state.
 * @param {{ installErrors: string[], sw: keyof typeof SW_STATES, manifestIcons: number }} facts
 */
export function pwaVerdict({ installErrors, sw, manifestIcons }) {
  const parts = [installErrors.length === 0 ? 'installable' : `not installable (${installErrors.join(', ')})`];
  parts.push(SW_STATES[sw]);
  if (manifestIcons === 0) parts.push('no icons');
  return parts.join(', ');
}
