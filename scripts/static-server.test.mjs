// @ts-check
// scripts/static-server.mjs must answer every request, however malformed, and stay up; it serves only files
// inside its folder (no traversal, no symlink out of it), with the app's Content-Security-Policy; 100 parallel
// downloads of a multi-MB file are byte-exact.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CSP_HEADER } from './csp.mjs';
import { MALFORMED_TARGETS, parallelDownloads, rawRequest, sha256 } from './http-abuse.mjs';
import { startStaticServer } from './static-server.mjs';

const WASM = randomBytes(4 * 1024 * 1024 + 7);

/** @type {Awaited<ReturnType<typeof startStaticServer>>} */
let server;
let port = 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-static-'));
const dist = path.join(tmp, 'dist');

before(async () => {
  fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dist, 'assets', 'ort.wasm'), WASM);
  fs.writeFileSync(path.join(dist, 'assets', 'ort-wasm-simd-threaded-DcHrbrbl.wasm'), WASM.subarray(0, 1024));
  fs.writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'outside the build');
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(dist, 'leak.txt'));
  fs.symlinkSync(path.join(dist, 'assets', 'app.js'), path.join(dist, 'alias.js'));
  server = await startStaticServer({ dir: dist, base: '/app/', port: 0 });
  port = /** @type {import('node:net').AddressInfo} */ (server.server.address()).port;
});

after(async () => {
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Sends a raw request line (so malformed targets reach the server as typed) and returns the status code. */
function rawStatus(/** @type {string} */ target, method = 'GET') {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve(Number(data.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0)));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => reject(new Error(`no answer to ${JSON.stringify(target)}`)));
  });
}

test('serves the build under its base path', async () => {
  assert.equal(await rawStatus('/app/'), 200);
  assert.equal(await rawStatus('/app/assets/app.js'), 200);
  assert.equal(await rawStatus('/app/assets/app.js', 'HEAD'), 200);
  assert.equal(await rawStatus('/app', 'GET'), 301);
  assert.equal(await rawStatus('/app/', 'POST'), 405);
});

test('validators: a revalidation is a 304, and Vite\'s hashed assets are cached for a year', async () => {
  const url = (/** @type {string} */ file) => `${server.url}${file}`;
  const hashed = await fetch(url('assets/ort-wasm-simd-threaded-DcHrbrbl.wasm'));
  assert.equal(hashed.status, 200);
  assert.equal(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const etag = hashed.headers.get('etag');
  const modified = hashed.headers.get('last-modified');
  assert.match(etag ?? '', /^"[0-9a-f]+-[0-9a-f]+"$/);
  assert.ok(modified && !Number.isNaN(Date.parse(modified)));
  assert.equal((await fetch(url('index.html'))).headers.get('cache-control'), 'max-age=0, must-revalidate');
  assert.equal((await fetch(url('assets/ort.wasm'))).headers.get('cache-control'), 'max-age=0, must-revalidate', 'a name without a hash can change meaning');
  assert.equal((await fetch(url('sw.js'))).headers.get('cache-control'), 'no-cache');

  const byTag = await fetch(url('assets/ort-wasm-simd-threaded-DcHrbrbl.wasm'), { headers: { 'If-None-Match': `W/"x", ${etag}` } });
  assert.equal(byTag.status, 304);
  assert.equal((await byTag.arrayBuffer()).byteLength, 0);
  assert.equal(byTag.headers.get('etag'), etag);
  assert.ok(byTag.headers.get('content-security-policy'), 'a 304 carries the same policy headers');
  const byDate = await fetch(url('index.html'), { headers: { 'If-Modified-Since': new Date(Date.now() + 60_000).toUTCString() } });
  assert.equal(byDate.status, 304);
  // A changed file (another tag, an older date) is sent in full.
  assert.equal((await fetch(url('index.html'), { headers: { 'If-None-Match': '"other"' } })).status, 200);
  assert.equal((await fetch(url('index.html'), { headers: { 'If-Modified-Since': new Date(0).toUTCString() } })).status, 200);
  // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
  assert.equal((await fetch(url('index.html'), { headers: { 'If-None-Match': '"other"', 'If-Modified-Since': new Date(Date.now() + 60_000).toUTCString() } })).status, 200);
});

test('malformed requests get an answer and the server stays up', async () => {
  for (const target of ['//[', '//[::1', '/app/%', '/app/%E0%A4%A', 'http://[', '/app/\u0001', `/app/${'a'.repeat(6000)}`]) {
    const status = await rawStatus(target);
    assert.ok(status >= 400 && status < 500, `${JSON.stringify(target)} answered ${status}`);
  }
  assert.equal(await rawStatus('/app/'), 200);
});

test('nothing outside the folder is served: traversal and symlinks out of it are 404s', async () => {
  assert.equal(await rawStatus('/app/../secret.txt'), 404);
  assert.equal(await rawStatus('/app/%2e%2e/secret.txt'), 404);
  assert.equal(await rawStatus('/app/..%2Fsecret.txt'), 404);
  assert.equal(await rawStatus('/app/leak.txt'), 404);
  assert.equal(await rawStatus('/app/alias.js'), 200);
});

/** A normal request after an abuse case: the server is still up. */
async function expectAlive(/** @type {string} */ after) {
  const res = await rawRequest(port, '/app/assets/app.js');
  assert.equal(res.status, 200, `still serving after ${after}`);
  assert.equal(res.body.toString(), 'console.log(1)');
}

test('every answer carries the Content-Security-Policy', async () => {
  for (const target of ['/app/', '/app/assets/app.js', '/app/assets/ort.wasm']) {
    assert.equal((await rawRequest(port, target)).headers['content-security-policy'], CSP_HEADER, target);
  }
  assert.match(CSP_HEADER, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(CSP_HEADER, /frame-ancestors 'none'/);
});

test('abuse: malformed targets, traversal, backslashes and other methods get a 4xx, and the server stays up', async () => {
  const traversals = ['/app/..%5csecret.txt', '/app/..\\secret.txt', '/app/%2e%2e%2fsecret.txt', '/app/assets/../../secret.txt',
    '/app/%00', '/app/leak.txt%00.js', `/app/${'a/'.repeat(3000)}x`];
  for (const target of [...MALFORMED_TARGETS, ...traversals]) {
    const res = await rawRequest(port, target);
    assert.ok(res.status >= 400 && res.status < 500, `${JSON.stringify(target.slice(0, 40))} answered ${res.status}`);
    assert.doesNotMatch(res.body.toString('latin1'), /outside the build/);
    await expectAlive(JSON.stringify(target.slice(0, 40)));
  }
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
    const res = await rawRequest(port, '/app/', { method, body: method === 'POST' ? 'a=1' : '' });
    assert.equal(res.status, 405, method);
    assert.equal(res.headers.allow, 'GET, HEAD', method);
    await expectAlive(method);
  }
  const head = await rawRequest(port, '/app/assets/ort.wasm', { method: 'HEAD' });
  assert.equal(head.headers['content-length'], String(WASM.length));
  assert.equal(head.body.length, 0);
  // No Range support: a Range header is ignored and the whole file sent (RFC 9110 allows it).
  const ranged = await rawRequest(port, '/app/assets/ort.wasm', { headers: { Range: 'bytes=0-0' } });
  assert.equal(ranged.status, 200);
  assert.equal(sha256(ranged.body), sha256(WASM));
});

test('100 parallel downloads of a 4 MB file are all byte-exact', { timeout: 120_000 }, async (t) => {
  const { hashes, statuses, ms } = await parallelDownloads(`http://127.0.0.1:${port}/app/assets/ort.wasm`, 100);
  t.diagnostic(`100 parallel downloads of ${(WASM.length / 1048576).toFixed(1)} MiB: ${ms} ms`);
  assert.deepEqual(new Set(statuses), new Set([200]));
  assert.deepEqual(new Set(hashes), new Set([sha256(WASM)]));
  await expectAlive('100 parallel downloads');
});
