import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { FIRST_CHECK, MIRROR, expectRunDone, fillModel, runAndWait, topLabel } from './helpers/app';

// Broken downloads, made on purpose: a proxy in front of the model mirror that can cut an .onnx short (while its
// Range probe announces the full size), alter its bytes (while X-Linked-Etag gives the real sha256), or stall it.

const MODEL = 'onnxmodelzoo/mobilenetv2-12-int8';
const ONNX = `${MODEL}/resolve/main/onnx/model_quantized.onnx`;
const SENTIMENT = 'fixtures/potion-base-4M-sentiment-anchors';

type Mode = 'healthy' | 'truncate' | 'corrupt' | 'corrupt-unlisted' | 'stall';

interface Proxy {
  url: string;
  mode: Mode;
  /** Ends the stall of every stalled answer. */
  release(): void;
  /** Stalled answers the browser hung up on before they ended. */
  abandoned: number;
  /** Requests for a model's file list (`/api/models/<id>/tree/<rev>`), by path. */
  listings: string[];
  /** Holds the file list's answer back until a whole .onnx has been sent (and a moment more). */
  holdListing: boolean;
  /** When the proxy last answered a file list, and last sent a whole (200) .onnx (performance.now()). */
  listingAnsweredAt: number;
  onnxAnsweredAt: number;
  close(): Promise<void>;
}

const HOP_HEADERS = ['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'host'];

async function startProxy(stallMs: number): Promise<Proxy> {
  const releases = new Set<() => void>();
  const proxy: Proxy = { url: '', mode: 'healthy', abandoned: 0, listings: [], holdListing: false, listingAnsweredAt: 0, onnxAnsweredAt: 0, release: () => releases.forEach((r) => r()), close: async () => undefined };
  const server = http.createServer(async (req, res) => {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_HEADERS.includes(name))) as Record<string, string>;
    const upstream = await fetch(new URL(req.url!.slice(1), MIRROR), { method: req.method, headers });
    const out = Object.fromEntries([...upstream.headers].filter(([name]) => !HOP_HEADERS.includes(name)));
    let body = Buffer.from(await upstream.arrayBuffer());
    if (req.url!.includes('/tree/')) {
      proxy.listings.push(req.url!);
      // Held until the model file was sent, then 1.5 s more (at most 150 s in all: a load that waited for the list
      // first gets it then, and the test fails on the order).
      const since = performance.now();
      while (proxy.holdListing && proxy.onnxAnsweredAt === 0 && performance.now() - since < 150_000) await new Promise((resolve) => setTimeout(resolve, 50));
      if (proxy.holdListing) await new Promise((resolve) => setTimeout(resolve, 1500));
      proxy.listingAnsweredAt = performance.now();
    }
    const onnx = req.url!.endsWith('.onnx');
    if (onnx && req.method === 'GET' && upstream.status === 200) proxy.onnxAnsweredAt = performance.now();
    if (!onnx || proxy.mode === 'healthy' || req.method !== 'GET') return res.writeHead(upstream.status, out).end(body);
    if (proxy.mode === 'truncate') {
      // No X-Linked-* here: the full size is known only from the Range probe's Content-Range.
      delete out['x-linked-size'];
      delete out['x-linked-etag'];
      if (upstream.status === 200) body = body.subarray(0, Math.floor(body.length * 0.4));
      out['content-length'] = String(body.length);
      return res.writeHead(upstream.status, out).end(body);
    }
    if (proxy.mode === 'corrupt-unlisted') {
      // A host that drops X-Linked-* (its model API still lists the sha256), serving altered bytes of the same length.
      delete out['x-linked-size'];
      delete out['x-linked-etag'];
      if (upstream.status === 200) body = Buffer.from(body.map((byte, i) => (i > body.length / 2 && i % 97 === 0 ? byte ^ 0xff : byte)));
      return res.writeHead(upstream.status, out).end(body);
    }
    if (proxy.mode === 'corrupt') {
      if (upstream.status === 200) body = Buffer.from(body.map((byte, i) => (i > body.length / 2 && i % 97 === 0 ? byte ^ 0xff : byte)));
      return res.writeHead(upstream.status, out).end(body);
    }
    if (upstream.status !== 200) return res.writeHead(upstream.status, out).end(body);
    res.writeHead(200, out);
    res.write(body.subarray(0, Math.floor(body.length * 0.4)));
    let finished = false;
    res.on('close', () => !finished && proxy.abandoned++);
    await new Promise<void>((resolve) => {
      const done = () => (releases.delete(done), resolve());
      releases.add(done);
      setTimeout(done, stallMs);
    });
    finished = true;
    res.end(body.subarray(Math.floor(body.length * 0.4)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  proxy.close = () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
  return proxy;
}

async function open(page: Page, host: string, task: string, model: string): Promise<void> {
  await page.goto(`./?host=${encodeURIComponent(host)}`);
  await page.getByTestId(`task-${task}`).click();
  await fillModel(page, model);
  await expect(page.getByTestId('host-badge')).toContainText('127.0.0.1');
}

async function chooseCoffee(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Coffee', exact: true }).click();
  await expect(page.getByTestId('image-preview')).toHaveAttribute('src', /samples\//);
}

/**
 * Presses Run after a failed load and waits for the run to finish (runAndWait would stop at the load error
 * still on the page from before).
 */
async function runAfterError(page: Page): Promise<void> {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('output')).toHaveAttribute('data-status', /done|error/, FIRST_CHECK);
  await expectRunDone(page);
}

/** The Cache Storage keys of the test model's ONNX file (the worker shares the origin's caches). */
function cachedOnnx(page: Page): Promise<string[]> {
  return page.evaluate(async (file) => {
    const keys = await (await caches.open('transformers-cache')).keys();
    return keys.map((request) => request.url).filter((url) => url.endsWith(file));
  }, ONNX);
}

let proxy: Proxy;
test.describe.configure({ timeout: 400_000 });
test.beforeAll(async () => {
  proxy = await startProxy(20_000);
});
test.afterAll(async () => {
  proxy.release();
  await proxy.close();
});
test.afterEach(() => {
  proxy.release();
  proxy.mode = 'healthy';
  proxy.holdListing = false;
});

test('a truncated or altered download is not cached, says what happened, and Run works once the host is healthy', async ({ page }) => {
  await open(page, proxy.url, 'image-classification', MODEL);
  await chooseCoffee(page);
  const error = page.getByTestId('load-error');

  proxy.mode = 'truncate';
  await runAndWait(page, FIRST_CHECK.timeout);
  await expect(error).toHaveAttribute('data-error-name', 'DamagedDownloadError');
  await expect(error).toContainText(/The download of onnx\/model_quantized\.onnx from 127\.0\.0\.1:\d+ arrived incomplete \(1\.5 MB of 3\.7 MB\), so it was not cached/);
  await expect(error).toContainText('Run again');
  expect(await cachedOnnx(page)).toEqual([]);

  proxy.mode = 'corrupt';
  await page.getByTestId('run-button').click();
  await expect(error).toContainText('does not match the sha256 checksum the host gives for it', FIRST_CHECK);
  await expect(error).toHaveAttribute('data-error-name', 'DamagedDownloadError');
  expect(await cachedOnnx(page)).toEqual([]);

  // Healthy again: no site data to clear, Run downloads it afresh and caches it.
  proxy.mode = 'healthy';
  await runAfterError(page);
  await expect(topLabel(page)).toHaveText('espresso');
  await expect.poll(() => cachedOnnx(page)).toHaveLength(1);
});

test('with no X-Linked-Etag, an altered file is checked against the sha256 the model API lists: refused, not cached', async ({ page }) => {
  proxy.mode = 'corrupt-unlisted';
  proxy.listings = [];
  await open(page, proxy.url, 'image-classification', MODEL);
  await chooseCoffee(page);
  await expect(page.getByTestId('plan-download')).toBeVisible(FIRST_CHECK);
  // The plan check asked for the file list (once for this model); the load reuses it.
  const ours = () => proxy.listings.filter((url) => url.includes(`/api/models/${MODEL}/tree/main`));
  expect(ours()).toHaveLength(1);
  await runAndWait(page, FIRST_CHECK.timeout);
  const error = page.getByTestId('load-error');
  await expect(error).toHaveAttribute('data-error-name', 'DamagedDownloadError');
  await expect(error).toContainText(/The download of onnx\/model_quantized\.onnx from 127\.0\.0\.1:\d+ does not match the sha256 checksum the host gives for it, so it was not cached\./);
  expect(await cachedOnnx(page)).toEqual([]);
  // The load asked nothing more; after the damage the list is asked again (the model may have changed there).
  await expect.poll(() => ours().length).toBe(2);

  proxy.mode = 'healthy';
  await runAfterError(page);
  await expect(topLabel(page)).toHaveText('espresso');
  await expect.poll(() => cachedOnnx(page)).toHaveLength(1);
});

test('a load does not wait for a slow file list, and the downloaded file is still checked against it', async ({ page }) => {
  proxy.mode = 'corrupt-unlisted';
  proxy.holdListing = true;
  proxy.onnxAnsweredAt = 0;
  proxy.listingAnsweredAt = 0;
  await open(page, proxy.url, 'image-classification', MODEL);
  await chooseCoffee(page);
  await runAndWait(page, FIRST_CHECK.timeout);
  const error = page.getByTestId('load-error');
  await expect(error).toHaveAttribute('data-error-name', 'DamagedDownloadError');
  await expect(error).toContainText(/does not match the sha256 checksum the host gives for it, so it was not cached\./);
  expect(await cachedOnnx(page)).toEqual([]);
  // The file came before its list did (the list waited for it): the download did not wait for the list; the
  // file's check did, since only the list gives the sha256 here.
  expect(proxy.onnxAnsweredAt).toBeGreaterThan(0);
  expect(proxy.listingAnsweredAt).toBeGreaterThan(proxy.onnxAnsweredAt);
});

test('a damaged file already in the cache is dropped with a clear message, and the next Run downloads it', async ({ page }) => {
  await open(page, MIRROR, 'image-classification', MODEL);
  await chooseCoffee(page);
  // What an older version of the app could leave behind: 40% of the file, cached as if whole.
  await page.evaluate(async (url) => {
    const bytes = await (await fetch(url)).arrayBuffer();
    const part = bytes.slice(0, Math.floor(bytes.byteLength * 0.4));
    const cache = await caches.open('transformers-cache');
    await cache.put(url, new Response(part, { headers: { 'content-length': String(part.byteLength) } }));
  }, `${MIRROR}${ONNX}`);

  await runAndWait(page, FIRST_CHECK.timeout);
  const error = page.getByTestId('load-error');
  await expect(error).toHaveAttribute('data-error-name', 'DamagedCacheError');
  await expect(error).toContainText(`The cached copy of "${MODEL}" was damaged and was removed — Run again to download it.`);
  expect(await cachedOnnx(page)).toEqual([]);

  await runAfterError(page);
  await expect(topLabel(page)).toHaveText('espresso');
  await expect.poll(() => cachedOnnx(page)).toHaveLength(1);
});

test('a stalled download says so, and the notice goes once bytes flow again', async ({ page }) => {
  await open(page, proxy.url, 'image-classification', MODEL);
  proxy.mode = 'stall';
  await page.getByTestId('load-button').click();
  const notice = page.getByTestId('stall-notice');
  await expect(notice).toContainText(/No data from 127\.0\.0\.1:\d+ for 15 s — still waiting; Cancel or check your connection/, FIRST_CHECK);
  // The proxy sends the rest after its 20 s stall.
  await expect(notice).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('load-status')).toHaveAttribute('data-device', /wasm|webgpu/, FIRST_CHECK);
});

test('switching task during a download stops it, and the next load starts at once', async ({ page }) => {
  await open(page, proxy.url, 'image-classification', MODEL);
  proxy.mode = 'stall';
  await page.getByTestId('load-button').click();
  await expect(page.getByTestId('load-status')).toContainText('model_quantized.onnx', FIRST_CHECK);
  await expect(page.getByTestId('load-status')).toContainText('1.5 MB / 3.7 MB');

  await page.getByTestId('task-text-classification').click();
  await expect(page.getByTestId('load-notice')).toContainText(`Stopped loading ${MODEL}: you chose another task.`);
  // The browser hung up on the stalled answer: the worker aborted the download rather than letting it run on.
  await expect.poll(() => proxy.abandoned, { timeout: 30_000 }).toBe(1);

  proxy.mode = 'healthy';
  await page.getByTestId('model-input').fill(SENTIMENT);
  await page.getByTestId('text-input').fill('I love this movie');
  await runAndWait(page);
  await expectRunDone(page);
  await expect(topLabel(page)).toHaveText('POSITIVE');
});
