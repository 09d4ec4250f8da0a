// @ts-check
// The pure parts of `npm run lighthouse` (arguments, URLs, medians, the table). Lighthouse itself is not
// run here: it takes minutes, and `npm run lighthouse` is the end-to-end check.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PAGES, UsageError, formatTable, median, medianSummary, pageUrl, parseArgs, pwaVerdict, summarize } from './lighthouse-report.mjs';

describe('parseArgs', () => {
  it('defaults to the first screen and task pages, 3 runs, the ports from the environment', () => {
    const options = parseArgs([], { APP_PORT: '4305', MIRROR_PORT: '8305' });
    assert.deepEqual(options, { pages: DEFAULT_PAGES, runs: 3, port: 4305, mirrorPort: 8305, mirror: true, build: 'auto', out: 'bench-results' });
  });

  it('reads every flag', () => {
    const options = parseArgs(['--pages', 'home, ocr', '--runs', '2', '--port', '5000', '--mirror-port', '9000', '--no-mirror', '--no-build', '--out', 'x'], {});
    assert.deepEqual(options, { pages: ['home', 'ocr'], runs: 2, port: 5000, mirrorPort: 9000, mirror: false, build: 'never', out: 'x' });
    assert.equal(parseArgs(['--build'], {}).build, 'always');
  });

  it('refuses unknown flags, missing values and bad numbers', () => {
    assert.throws(() => parseArgs(['--fast'], {}), UsageError);
    assert.throws(() => parseArgs(['--runs'], {}), /--runs needs a value/);
    assert.throws(() => parseArgs(['--runs', '--no-build'], {}), /--runs needs a value/);
    assert.throws(() => parseArgs(['--runs', '0'], {}), /positive whole number/);
    assert.throws(() => parseArgs(['--port', '8.5'], {}), /positive whole number/);
    assert.throws(() => parseArgs(['--pages', ','], {}), /at least one page/);
  });
});

describe('pageUrl', () => {
  it('opens the first screen as is and a task with ?task=, pointing at the mirror', () => {
    assert.equal(pageUrl('http://localhost:4305/', 'home', undefined), 'http://localhost:4305/');
    assert.equal(
      pageUrl('http://localhost:4305/', 'chat', 'http://127.0.0.1:8305/'),
      'http://localhost:4305/?task=chat&host=http%3A%2F%2F127.0.0.1%3A8305%2F',
    );
  });
});

describe('median and summaries', () => {
  it('takes the middle value, the mean of the two middle ones, and skips missing values', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([NaN, 5]), 5);
    assert.equal(median([]), undefined);
  });

  const lhr = (/** @type {number} */ perf, /** @type {number} */ tbt) => ({
    categories: {
      performance: { score: perf, auditRefs: [{ id: 'total-blocking-time', weight: 30 }, { id: 'long-tasks', weight: 0 }] },
      accessibility: { score: 0.96, auditRefs: [{ id: 'color-contrast', weight: 7 }] },
      'best-practices': { score: 1, auditRefs: [] },
      seo: { score: 1, auditRefs: [] },
    },
    audits: {
      'total-blocking-time': { numericValue: tbt, score: tbt > 200 ? 0.5 : 1 },
      'cumulative-layout-shift': { numericValue: 0.163 },
      'largest-contentful-paint': { numericValue: 2100 },
      'long-tasks': { score: 0, details: { items: [{ duration: 311 }, { duration: 80 }] } },
      'color-contrast': { score: 0 },
    },
  });

  it('keeps scores out of 100, the metrics, the longest task and the failing scored audits', () => {
    const s = summarize(lhr(0.77, 520));
    assert.deepEqual(s.scores, { performance: 77, accessibility: 96, 'best-practices': 100, seo: 100 });
    assert.equal(s.tbt, 520);
    assert.equal(s.cls, 0.163);
    assert.equal(s.longestTask, 311);
    assert.deepEqual(s.failed.sort(), ['color-contrast', 'total-blocking-time']);
  });

  it('takes the median of each number over runs', () => {
    const m = medianSummary([summarize(lhr(0.77, 520)), summarize(lhr(0.95, 90)), summarize(lhr(0.9, 150))]);
    assert.equal(m.scores.performance, 90);
    assert.equal(m.tbt, 150);
    assert.deepEqual(m.failed.sort(), ['color-contrast', 'total-blocking-time']);
  });

  it('formats a Markdown table, with a dash for a missing number', () => {
    const s = summarize(lhr(0.77, 520));
    s.lcp = undefined;
    const table = formatTable([{ page: 'home', summary: s, pwa: 'installable' }]).split('\n');
    assert.equal(table.length, 3);
    assert.match(table[0], /^\| page +\| perf \| a11y \|/);
    assert.match(table[1], /^\|-+\|/);
    assert.match(table[2], /^\| home +\| 77 +\| 96 +\| 100 +\| 100 +\| installable +\| 520 +\| 311 +\| 0\.163 \| – +\|$/);
  });
});

describe('pwaVerdict', () => {
  it('says installable and controlled, or why not', () => {
    assert.equal(pwaVerdict({ installErrors: [], sw: 'controls', manifestIcons: 4 }), 'installable, SW controls page after reload');
    assert.equal(pwaVerdict({ installErrors: [], sw: 'active', manifestIcons: 4 }), 'installable, SW active, not controlling after reload');
    assert.equal(
      pwaVerdict({ installErrors: ['no-manifest'], sw: 'none', manifestIcons: 0 }),
      'not installable (no-manifest), no SW active, no icons',
    );
  });
});
