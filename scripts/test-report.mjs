// @ts-check
// Names of the tests that failed, read from each runner's report, for `npm test`'s summary: a CI log is often
// seen only by its tail, and "1 failed" alone does not say which test to look at.

const MAX_MESSAGE = 200;

/** Text without terminal colour codes. */
const plain = (/** @type {string} */ text) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** First non-empty line of an error message, without terminal colours, cut to a readable length. */
export function firstLine(/** @type {unknown} */ message) {
  const text = plain(String(message ?? ''));
  const line = text.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
}

/**
 * What a failed Playwright expect says beyond its first line: where it failed and its Locator, Expected and Received
 * lines ("expect(locator).toHaveCount(expected) failed" alone does not say which count, or what the page had).
 * @param {any} error a result's `error` in Playwright's JSON report @returns {string}
 */
export function playwrightDetail(error) {
  if (!error) return '';
  const lines = plain(String(error.message ?? '')).split('\n').map((l) => l.trim());
  const said = lines.filter((l) => /^(Locator|Expected|Received)[a-z ]*:/.test(l)).map((l) => l.replace(/\s+/g, ' '));
  const loc = error.location;
  const at = loc?.file ? `at ${String(loc.file).replace(/^.*?\/(e2e)\//, '$1/')}:${loc.line}` : '';
  const text = [at, ...said].filter(Boolean).join('; ');
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

/**
 * Failed tests in a Vitest JSON report (`--reporter=json`).
 * @param {any} report @returns {string[]}
 */
export function vitestFailures(report) {
  /** @type {string[]} */
  const out = [];
  for (const file of report?.testResults ?? []) {
    const name = String(file.name ?? '').replace(/^.*?\/(src|scripts|e2e)\//, '$1/');
    for (const a of file.assertionResults ?? []) {
      if (a.status === 'failed') out.push(`${name} › ${a.fullName ?? a.title}: ${firstLine(a.failureMessages?.[0])}`);
    }
    // A file that failed to load has no assertions, only its message.
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((/** @type {any} */ a) => a.status === 'failed')) {
      out.push(`${name}: ${firstLine(file.message)}`);
    }
  }
  return out;
}

/**
 * Tests in a Playwright JSON report that failed (or passed only on a retry), with the first line of their error, where it
 * failed and what the expect saw.
 * @param {any} report @returns {string[]}
 */
export function playwrightFailures(report) {
  /** @type {string[]} */
  const out = [];
  /** @param {any} suite @param {string[]} titles */
  const walk = (suite, titles) => {
    // A file's own suite is titled with its path, which `where` already names.
    const here = suite.title && suite.title !== suite.file ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
        const error = (t.results ?? []).map((/** @type {any} */ r) => r.error).find((/** @type {any} */ e) => e?.message);
        const where = `${spec.file ?? suite.file}:${spec.line}`;
        const detail = playwrightDetail(error);
        out.push(`${where} › ${[...here, spec.title].join(' › ')}${t.status === 'flaky' ? ' (flaky)' : ''}: ${firstLine(error?.message)}${detail ? ` (${detail})` : ''}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report?.suites ?? []) walk(suite, []);
  return out;
}

/**
 * Failed tests in `node --test --test-reporter=spec` output: the list it prints under "failing tests".
 * @param {string} output @returns {string[]}
 */
export function nodeTestFailures(output) {
  const text = plain(output);
  const at = text.lastIndexOf('✖ failing tests:');
  if (at < 0) return [];
  const lines = text.slice(at).split('\n').slice(1);
  /** @type {string[]} */
  const out = [];
  let file = '';
  lines.forEach((line, i) => {
    const m = line.match(/^test at (.+?):\d+:\d+$/);
    if (m) file = m[1].replace(/^.*?\/(scripts)\//, '$1/');
    const t = line.match(/^✖ (.+?) \([\d.]+ms\)$/);
    if (!t) return;
    const error = firstLine(lines.slice(i + 1, i + 3).join('\n'));
    out.push(`${file ? `${file} › ` : ''}${t[1]}${error ? `: ${error}` : ''}`);
  });
  return out;
}
