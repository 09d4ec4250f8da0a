// @ts-check
// scripts/static-server.mjs must answer every request, however malformed, and stay up; it serves only files
// inside its folder (no traversal, no symlink out of it).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startStaticServer } from './static-server.mjs';

/** @type {Awaited<ReturnType<typeof startStaticServer>>} */
let server;
let port = 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-static-'));
const dist = path.join(tmp, 'dist');

before(async () => {
  fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
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
