// @ts-check
// `node scripts/cache-load-profile.mjs <model .onnx> [threads]`: where a load from the browser's cache goes, in
// Chromium, step by step (issue 12's "load from the browser cache ≤ 1.5× native session creation"). In a fresh
// browser profile on disk, a worker of a cross-origin-isolated page stores the file in Cache Storage, then times:
// reading it back as Transformers.js does (the response's stream, chunk by chunk, into one buffer), as
// `response.arrayBuffer()` and as `blob().arrayBuffer()`; the same bytes through OPFS (sync access handle);
// copying the model's size into fresh memory and again into the same, already touched, memory; and onnxruntime-web's
// session creation from those bytes, first and second time in the worker (the app's WASM build and thread count).
// One JSON line. On this project's 2-core VMs the first touch of memory dominates (README, Benchmark).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs';

const [file, threadsArg = '2'] = process.argv.slice(2);
if (!file || !fs.existsSync(file)) {
  console.error('usage: node scripts/cache-load-profile.mjs <model .onnx> [threads]');
  process.exit(2);
}
const ORT = path.resolve(import.meta.dirname, '..', 'node_modules', 'onnxruntime-web', 'dist');

const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
window.profile = (message) => new Promise((resolve) => {
  const worker = new Worker('/worker.mjs', { type: 'module' });
  worker.onmessage = (event) => { resolve(event.data); worker.terminate(); };
  worker.onerror = (event) => resolve({ error: event.message });
  worker.postMessage(message);
});
</script>`;

// The worker's steps, each timed on its own; every buffer is new unless the step says otherwise.
const WORKER = `import * as ort from '/ort/ort.webgpu.min.mjs';
self.onmessage = async ({ data }) => {
  const out = {};
  const time = async (name, work) => { const start = performance.now(); const value = await work(); out[name] = Math.round(performance.now() - start); return value; };
  try {
    ort.env.wasm.wasmPaths = { wasm: '/ort/ort-wasm-simd-threaded.wasm', mjs: '/ort/ort-wasm-simd-threaded.mjs' };
    ort.env.wasm.numThreads = data.threads;
    const cache = await caches.open('cache-load-profile');
    await time('cachePutMs', async () => cache.put('/model.onnx', await fetch('/model.onnx')));
    const size = (await time('cacheArrayBufferMs', async () => (await cache.match('/model.onnx')).arrayBuffer())).byteLength;
    out.bytes = size;
    const bytes = await time('cacheStreamReadMs', async () => {
      const reader = (await cache.match('/model.onnx')).body.getReader();
      const buffer = new Uint8Array(size);
      for (let at = 0; ; ) { const { done, value } = await reader.read(); if (done) return buffer; buffer.set(value, at); at += value.length; }
    });
    await time('cacheBlobArrayBufferMs', async () => (await (await cache.match('/model.onnx')).blob()).arrayBuffer());
    await cache.delete('/model.onnx');
    const root = await navigator.storage.getDirectory();
    const handle = await root.getFileHandle('model.onnx', { create: true });
    await time('opfsWriteMs', async () => { const a = await handle.createSyncAccessHandle(); a.truncate(0); a.write(bytes, { at: 0 }); a.flush(); a.close(); });
    await time('opfsReadMs', async () => { const a = await handle.createSyncAccessHandle(); const b = new Uint8Array(a.getSize()); a.read(b, { at: 0 }); a.close(); return b; });
    await root.removeEntry('model.onnx');
    const target = new Uint8Array(size);
    await time('copyIntoFreshMemoryMs', async () => target.set(bytes));
    await time('copyIntoTouchedMemoryMs', async () => target.set(bytes));
    for (const name of ['sessionCreateFirstMs', 'sessionCreateSecondMs']) {
      const session = await time(name, () => ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' }));
      await session.release();
    }
    self.postMessage(out);
  } catch (error) {
    self.postMessage({ ...out, error: String(error?.stack ?? error) });
  }
};`;

const TYPES = { '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost').pathname;
  const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'same-origin' };
  const send = (/** @type {string} */ type, /** @type {string | Buffer} */ body) => res.writeHead(200, { ...headers, 'Content-Type': type }).end(body);
  if (url === '/') return send('text/html', PAGE);
  if (url === '/worker.mjs') return send('text/javascript', WORKER);
  const onDisk = url === '/model.onnx' ? file : url.startsWith('/ort/') && !url.includes('..') ? path.join(ORT, url.slice(5)) : undefined;
  if (!onDisk || !fs.existsSync(onDisk)) return void res.writeHead(404, headers).end();
  res.writeHead(200, { ...headers, 'Content-Type': TYPES[/** @type {'.mjs'} */ (path.extname(onDisk))] ?? 'application/octet-stream', 'Content-Length': fs.statSync(onDisk).size });
  fs.createReadStream(onDisk).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
// A profile on disk: a non-persistent context keeps Cache Storage in memory and refuses large files.
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-load-profile-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
try {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  const result = await page.evaluate((threads) => /** @type {any} */ (window).profile({ threads }), Number(threadsArg));
  console.log(JSON.stringify({ file: path.basename(file), threads: Number(threadsArg), ...result }));
} finally {
  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
}
