// @ts-check
// Abuse tests for scripts/model-mirror.mjs: malformed and hostile requests get a 4xx answer (never a file from
// outside the models folders), Range edge cases follow RFC 9110, 100 parallel downloads are byte-exact, and
// after every case a normal request still succeeds. Loopback only; sizes and counts bounded.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { abortedDownloads, MALFORMED_TARGETS, parallelDownloads, rawRequest, sha256 } from './http-abuse.mjs';
import { startMirror } from './model-mirror.mjs';

const SIZE = 4 * 1024 * 1024 + 123;
const BIG = randomBytes(SIZE);
const SECRET = 'top secret, outside the models folder';
const FILE = '/acme/repo/resolve/main/onnx/model.onnx';

/** @type {string} */ let tmp;
/** @type {Awaited<ReturnType<typeof startMirror>>} */ let mirror;
let port = 0;
/** @type {string[]} */ const warnings = [];

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mirror-abuse-'));
  const models = path.join(tmp, 'models');
  fs.mkdirSync(path.join(models, 'acme', 'repo', 'onnx'), { recursive: true });
  fs.writeFileSync(path.join(models, 'acme', 'repo', 'config.json'), JSON.stringify({ architectures: ['BertModel'] }));
  fs.writeFileSync(path.join(models, 'acme', 'repo', 'onnx', 'model.onnx'), BIG);
  fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(models, 'acme', 'repo', 'leak.txt'));
  fs.symlinkSync(tmp, path.join(models, 'acme', 'repo', 'up'), 'dir');
  mirror = await startMirror({ dir: models, extraDirs: [], port: 0, log: false, warn: (line) => warnings.push(line) });
  port = Number(new URL(mirror.url).port);
});

after(async () => {
  await mirror?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A normal request after an abuse case: the mirror is still up and still right. */
async function expectAlive(/** @type {string} */ after) {
  const res = await rawRequest(port, '/acme/repo/resolve/main/config.json');
  assert.equal(res.status, 200, `mirror still answers after ${after}`);
  assert.deepEqual(JSON.parse(res.body.toString()), { architectures: ['BertModel'] });
}

/** @param {import('./http-abuse.mjs').RawResponse} res @param {string} what */
function assertRefused(res, what) {
  assert.ok(res.status >= 400 && res.status < 500, `${what} answered ${res.status}`);
  assert.doesNotMatch(res.body.toString('latin1'), /top secret/, what);
}

describe('malformed requests', () => {
  test('malformed targets, bad escapes, control characters and long paths get a 4xx', async () => {
    for (const target of MALFORMED_TARGETS) {
      assertRefused(await rawRequest(port, target), JSON.stringify(target.slice(0, 40)));
      await expectAlive(JSON.stringify(target.slice(0, 40)));
    }
  });

  test('an over-long request line gets 431 from the parser; an 8 kB path inside a repo a plain 4xx', async () => {
    assert.equal((await rawRequest(port, `/${'a'.repeat(20 * 1024)}`)).status, 431);
    const long = await rawRequest(port, `/acme/repo/resolve/main/${'x'.repeat(8 * 1024)}`);
    assert.equal(long.status, 404);
    assert.equal(long.headers['x-error-code'], 'EntryNotFound');
    await expectAlive('long paths');
  });

  test('methods other than GET, HEAD and OPTIONS get 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND']) {
      const res = await rawRequest(port, FILE, { method, body: method === 'TRACE' ? '' : 'x=1' });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.allow, 'GET, HEAD, OPTIONS', method);
      await expectAlive(method);
    }
    // A method name Node's parser does not know is refused before it reaches the mirror.
    assert.equal((await rawRequest(port, FILE, { method: 'BREW' })).status, 400);
    await expectAlive('BREW');
  });
});

describe('nothing outside the models folder', () => {
  const TRAVERSALS = [
    '/acme/repo/resolve/main/../../../../secret.txt',
    '/acme/repo/resolve/main/%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.txt',
    '/acme/repo/resolve/main/%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fsecret.txt',
    '/acme/repo/resolve/main/..%2f..%2f..%2f..%2fsecret.txt',
    '/acme/repo/resolve/main/..\\..\\..\\..\\secret.txt',
    '/acme/repo/resolve/main/..%5c..%5c..%5c..%5csecret.txt',
    '/acme/repo/resolve/main/%2fetc%2fpasswd',
    '/acme/repo/resolve/main//etc/passwd',
    '/acme/repo/resolve/main/secret.txt%00.json',
    '/%2e%2e/%2e%2e/resolve/main/secret.txt',
    '/acme/%2e%2e/resolve/main/secret.txt',
    '/api/models/..%2f..%2fsecret.txt',
    '/api/models/acme/%2e%2e',
  ];

  test('traversal: ../, %2e%2e, encoded slashes, backslashes and NUL are refused', async () => {
    for (const target of TRAVERSALS) {
      assertRefused(await rawRequest(port, target), target);
      await expectAlive(target);
    }
  });

  test('links out of the folder are 404s and logged; the secret never leaves', async () => {
    warnings.length = 0;
    for (const target of ['/acme/repo/resolve/main/leak.txt', '/acme/repo/resolve/main/up/secret.txt']) {
      const res = await rawRequest(port, target);
      assert.equal(res.status, 404, target);
      assertRefused(res, target);
      await expectAlive(target);
    }
    assert.equal(warnings.length, 2);
    assert.match(warnings[1], /refused "\/acme\/repo\/resolve\/main\/up\/secret\.txt": a link that leads outside/);
    const listing = await rawRequest(port, '/api/models/acme/repo');
    const siblings = JSON.parse(listing.body.toString()).siblings.map((/** @type {{ rfilename: string }} */ s) => s.rfilename);
    assert.deepEqual(siblings, ['config.json', 'onnx/model.onnx']);
  });
});

describe('Range and HEAD', () => {
  /** @param {string} range */
  const ranged = (range, method = 'GET') => rawRequest(port, FILE, { method, headers: { Range: range } });

  test('bytes=0-0, a-b, suffix and open-ended ranges give the right bytes', async () => {
    /** @type {[string, number, number][]} */
    const cases = [['bytes=0-0', 0, 0], ['bytes=10-19', 10, 19], ['bytes=-500', SIZE - 500, SIZE - 1],
      [`bytes=${SIZE - 1}-`, SIZE - 1, SIZE - 1], [`bytes=${SIZE - 10}-99999999999999`, SIZE - 10, SIZE - 1],
      [`bytes=-${SIZE * 2}`, 0, SIZE - 1]];
    for (const [range, start, end] of cases) {
      const res = await ranged(range);
      assert.equal(res.status, 206, range);
      assert.equal(res.headers['content-range'], `bytes ${start}-${end}/${SIZE}`, range);
      assert.equal(res.headers['content-length'], String(end - start + 1), range);
      assert.ok(res.body.equals(BIG.subarray(start, end + 1)), range);
    }
    await expectAlive('ranges');
  });

  test('ranges past the end are 416 with the size; multiple ranges and garbage get the whole file', async () => {
    for (const range of [`bytes=${SIZE}-`, `bytes=${SIZE + 10}-${SIZE + 20}`, 'bytes=-0', 'bytes=99999999999999999999999-']) {
      const res = await ranged(range);
      assert.equal(res.status, 416, range);
      assert.equal(res.headers['content-range'], `bytes */${SIZE}`, range);
      assert.equal(res.body.length, 0, range);
      await expectAlive(range);
    }
    for (const range of ['bytes=0-1,5-6', 'bytes=0-0,-1', 'bytes=abc', 'items=0-1', 'bytes=--', 'bytes=5-1', 'bytes=', '\u00ff']) {
      const res = await ranged(range);
      assert.equal(res.status, 200, range);
      assert.equal(sha256(res.body), sha256(BIG), range);
      await expectAlive(range);
    }
  });

  test('HEAD sends the headers of GET and no body, ranged or not', async () => {
    const head = await rawRequest(port, FILE, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String(SIZE));
    assert.equal(head.body.length, 0);
    const headRange = await ranged('bytes=0-0', 'HEAD');
    assert.equal(headRange.status, 206);
    assert.equal(headRange.headers['content-range'], `bytes 0-0/${SIZE}`);
    assert.equal(headRange.body.length, 0);
    await expectAlive('HEAD');
  });
});

describe('load', () => {
  test('100 parallel downloads of a 4 MB file are all byte-exact', { timeout: 120_000 }, async (t) => {
    const { hashes, statuses, ms } = await parallelDownloads(new URL(FILE, mirror.url).href, 100);
    t.diagnostic(`100 parallel downloads of ${(SIZE / 1048576).toFixed(1)} MiB: ${ms} ms`);
    assert.deepEqual(new Set(statuses), new Set([200]));
    assert.deepEqual(new Set(hashes), new Set([sha256(BIG)]));
    await expectAlive('100 parallel downloads');
  });

  test('50 downloads dropped after their first chunk leave the mirror serving', { timeout: 60_000 }, async () => {
    await abortedDownloads(new URL(FILE, mirror.url).href, 50);
    const again = await parallelDownloads(new URL(FILE, mirror.url).href, 3);
    assert.deepEqual(new Set(again.hashes), new Set([sha256(BIG)]));
    await expectAlive('aborted downloads');
  });
});
