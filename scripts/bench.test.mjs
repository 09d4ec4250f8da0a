// @ts-check
// `npm run bench` leaves nothing running: after a one-case, one-run bench, the ports it served on are free and
// no process it started (Chromium, the native reference, a server) is alive. A marker in the environment, which
// every child inherits, finds them even if they were re-parented. Builds dist/ and dist-bench/ only where missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { listening } from './bench/servers.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Live processes whose environment holds the marker (this user's processes only; others are unreadable). */
function processesWith(/** @type {string} */ marker) {
  return fs.readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/environ`, 'utf8').includes(marker);
    } catch {
      return false;
    }
  });
}

test('a bench run closes its servers and leaves no process behind', { timeout: 900_000 }, async () => {
  const marker = `BENCH_TEST_MARK=${randomUUID()}`;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-test-'));
  // What is built already is used (npm test runs this after the browser tests, which built dist/).
  const env = { ...process.env, BENCH_ONLY: 'sentiment', BENCH_RUNS: '1', BENCH_OUT: out, APP_PORT: '0', MIRROR_PORT: '0', BENCH_TEST_MARK: marker.split('=')[1], BENCH_NO_BUILD: 'missing' };
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/bench.mjs'], { cwd: ROOT, env, maxBuffer: 1 << 24 });
  const urls = /Servers: app (\S+), bare (\S+), mirror (\S+)/.exec(stdout);
  assert.ok(urls, stdout);
  for (const url of urls.slice(1)) assert.equal(await listening(Number(new URL(url).port)), false, `${url} still answers`);
  assert.deepEqual(processesWith(marker), []);
  assert.match(stdout, /\| sentiment \| .* \| app \|/);
  assert.match(stdout, /\| sentiment \| .* \| native \|/);
  assert.ok(fs.readdirSync(out).some((f) => f.endsWith('.json')));
  fs.rmSync(out, { recursive: true, force: true });
});
