// @ts-check
// `npm test`: every suite, in order of cost, then one summary line per runner and a total.
// Finds (or, as root, installs) Chromium first, since `playwright install` cannot download here.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { findChromium } from './find-browser.mjs';
import { nodeTestFailures, playwrightFailures, vitestFailures } from './test-report.mjs';

/** @typedef {{ name: string, passed: number, failed: number, skipped: number, exitCode: number, failures?: string[] }} Summary */

/**
 * Runs a command with inherited output, also capturing stdout.
 * @param {string} command @param {string[]} args @param {Record<string, string>} [env]
 * @returns {Promise<{ code: number, out: string }>}
 */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** @returns {Promise<Summary>} */
async function typecheck() {
  const { code } = await run('npx', ['tsc', '-b']);
  return { name: 'typecheck', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, exitCode: code };
}

/** @returns {Promise<Summary>} */
async function unit() {
  const file = 'test-results/unit.json';
  const { code } = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${file}`]);
  const report = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  return {
    name: 'unit',
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (code !== 0 && !report.numFailedTests ? 1 : 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    exitCode: code,
    failures: vitestFailures(report),
  };
}

/** @returns {Promise<Summary>} */
async function scripts() {
  const files = ['scripts', 'scripts/llama-onnx'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).map((f) => `${dir}/${f}`));
  const { code, out } = await run('node', ['--test', '--test-reporter=spec', ...files]);
  const count = (/** @type {string} */ label) => Number(out.match(new RegExp(`ℹ ${label} (\\d+)`))?.[1] ?? 0);
  const failed = count('fail') + (code !== 0 && count('fail') === 0 ? 1 : 0);
  return { name: 'scripts', passed: count('pass'), failed, skipped: count('skipped') + count('todo'), exitCode: code, failures: nodeTestFailures(out) };
}

/** @returns {Promise<Summary>} */
async function e2e() {
  const build = await run('npx', ['vite', 'build']);
  if (build.code !== 0) return { name: 'e2e', passed: 0, failed: 1, skipped: 0, exitCode: build.code };
  const file = 'test-results/e2e.json';
  const { code } = await run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  const report = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const stats = report.stats ?? {};
  const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  return {
    name: 'e2e',
    passed: stats.expected ?? 0,
    failed: failed + (code !== 0 && failed === 0 ? 1 : 0),
    skipped: stats.skipped ?? 0,
    exitCode: code,
    failures: playwrightFailures(report),
  };
}

mkdirSync('test-results', { recursive: true });
const chromium = findChromium();
console.log(`Using Chromium at ${chromium}`);
process.env.CHROMIUM_PATH = chromium;

const only = process.argv.slice(2);
// The script tests run after the browser tests: the bench's own test reuses the production build those made
// instead of building it again (a minute on a 2-core machine).
const suites = { typecheck, unit, e2e, scripts };
/** @type {Summary[]} */
const results = [];
for (const [name, suite] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  results.push(await suite());
}

console.log('\n── Summary ──');
for (const r of results) {
  console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
  // Which tests failed, so that the log's tail says where to look.
  const failures = r.failures ?? [];
  for (const f of failures.slice(0, 20)) console.log(`  ✘ ${f}`);
  if (failures.length > 20) console.log(`  … and ${failures.length - 20} more`);
}
const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed }), { passed: 0, failed: 0 });
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(results.some((r) => r.exitCode !== 0 || r.failed > 0) ? 1 : 0);
