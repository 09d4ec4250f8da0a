// @ts-check
// `npm test`'s summary names the failed tests. Each runner really runs a small suite here (one passing test, one
// failing in a group, one failing on its own) and its real report is read, so a change in a runner's report
// format fails this test instead of silently printing nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { firstLine, nodeTestFailures, playwrightFailures, vitestFailures } from './test-report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A scratch folder with a link to the project's node_modules, so that the runners and their imports resolve. */
function scratch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-report-'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** This process's environment without node:test's own marker, so that a nested `node --test` reports normally. */
function env() {
  const { NODE_TEST_CONTEXT: _, ...rest } = process.env;
  return rest;
}

test('firstLine: the first non-empty line, without colours, cut to 200 characters', () => {
  assert.equal(firstLine('\n  \u001b[31mError: boom\u001b[39m\n  at x'), 'Error: boom');
  assert.equal(firstLine(undefined), '');
  const long = firstLine('x'.repeat(500));
  assert.equal(long.length, 200);
  assert.ok(long.endsWith('…'));
});

test('node --test: the failing tests, with their file and first error line', () => {
  const dir = scratch();
  try {
    fs.writeFileSync(
      path.join(dir, 'a.test.mjs'),
      `import test from 'node:test'; import assert from 'node:assert';
test('group', async (t) => { await t.test('inner fails', () => assert.equal(1, 2)); });
test('top fails', () => { throw new Error('boom'); });
test('passes', () => {});
`,
    );
    const run = spawnSync('node', ['--test', '--test-reporter=spec', 'a.test.mjs'], { cwd: dir, env: env(), encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    const failures = nodeTestFailures(run.stdout);
    assert.equal(failures.length, 2, run.stdout);
    assert.match(failures[0], /a\.test\.mjs › inner fails: AssertionError.*1 == 2/);
    assert.match(failures[1], /a\.test\.mjs › top fails: Error: boom/);
    assert.deepEqual(nodeTestFailures('ℹ pass 3\nℹ fail 0\n'), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('Vitest JSON: the failing tests, with their file and first error line', { timeout: 120_000 }, () => {
  const dir = scratch();
  try {
    fs.writeFileSync(
      path.join(dir, 'a.test.ts'),
      `import { describe, expect, test } from 'vitest';
describe('group', () => { test('inner fails', () => expect(1).toBe(2)); });
test('top fails', () => { throw new Error('boom'); });
test('passes', () => {});
`,
    );
    fs.writeFileSync(path.join(dir, 'vitest.config.mjs'), `export default { test: { include: ['*.test.ts'] } };\n`);
    const out = path.join(dir, 'report.json');
    const run = spawnSync('npx', ['vitest', 'run', '--reporter=json', `--outputFile=${out}`], { cwd: dir, env: env(), encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    const failures = vitestFailures(JSON.parse(fs.readFileSync(out, 'utf8')));
    assert.equal(failures.length, 2, run.stdout + run.stderr);
    assert.match(failures[0], /a\.test\.ts › group inner fails: AssertionError: expected 1 to be 2/);
    assert.match(failures[1], /a\.test\.ts › top fails: Error: boom/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('Playwright JSON: the failing tests, with file:line, their describe titles, first error line and what the expect saw', { timeout: 120_000 }, () => {
  const dir = scratch();
  try {
    // No page is used, so no browser starts; the config only points Playwright at this folder.
    fs.writeFileSync(path.join(dir, 'pw.config.mjs'), `export default { testDir: '.', reporter: [['json', { outputFile: 'report.json' }]] };\n`);
    fs.writeFileSync(
      path.join(dir, 'a.spec.mjs'),
      `import { expect, test } from '@playwright/test';
test.describe('group', () => { test('inner fails', () => expect(1).toBe(2)); });
test('top fails', () => { throw new Error('boom'); });
test('passes', () => {});
test('length fails', () => {
  expect([1, 2, 3]).toHaveLength(4);
});
`,
    );
    const run = spawnSync('npx', ['playwright', 'test', '--config', 'pw.config.mjs'], { cwd: dir, env: env(), encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    const failures = playwrightFailures(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')));
    assert.equal(failures.length, 3, run.stdout + run.stderr);
    assert.match(failures[0], /^a\.spec\.mjs:3 › top fails: Error: boom \(at .*a\.spec\.mjs:3\)$/);
    // The line of the expect that failed, and what it expected and received.
    assert.match(failures[1], /^a\.spec\.mjs:5 › length fails: Error: .*toHaveLength.* \(at .*a\.spec\.mjs:6; Expected length: 4; Received length: 3/);
    assert.match(failures[2], /^a\.spec\.mjs:2 › group › inner fails: Error: .*expect\(.*toBe.* \(at .*a\.spec\.mjs:2; Expected: 2; Received: 1\)$/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
