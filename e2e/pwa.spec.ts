import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startStaticServer } from '../scripts/static-server.mjs';
import { expectRunDone, MIRROR, runAndWait, topLabel } from './helpers/app';

// The production build, made with BASE_PATH=/playground/, served under that sub-path by a plain
// static server that sends NO COOP/COEP (like GitHub Pages): the service worker must isolate the page.
const BASE = '/playground/';
const MODEL = 'fixtures/potion-base-4M-sentiment-anchors';
let server: { url: string; close(): Promise<void> };
let dir: string;

// Playwright's tracing, which records network bodies, stalled the worker's model download in a
// page controlled by a service worker (the same run passes untraced): no trace for these tests.
test.use({ serviceWorkers: 'allow', trace: 'off' });
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = join(mkdtempSync(join(tmpdir(), 'playground-sub-')), 'dist');
  const build = spawnSync('npx', ['vite', 'build', '--outDir', dir, '--emptyOutDir'], { env: { ...process.env, BASE_PATH: BASE }, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  server = await startStaticServer({ dir, base: BASE });
});

test.afterAll(async () => {
  await server?.close();
});

async function openApp(page: Page): Promise<void> {
  await page.goto(`${server.url}?host=${encodeURIComponent(MIRROR)}`);
}

/** First visit: the worker installs, the page reloads itself once under isolation, and says it works offline. */
async function firstVisit(page: Page): Promise<void> {
  await openApp(page);
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 120_000 });
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId('threads-off')).toHaveCount(0);
}

async function runSentiment(page: Page, text: string): Promise<string> {
  await page.getByTestId('task-text-classification').click();
  await page.getByTestId('model-input').fill(MODEL);
  await page.getByTestId('text-input').fill(text);
  // A restored result is already "done": runAndWait waits for this run's own sequence number.
  await runAndWait(page, 100_000);
  await expectRunDone(page);
  return topLabel(page).innerText();
}

test('the build under a sub-path, on a host without COOP/COEP: the service worker turns threads on', async ({ page }) => {
  const response = await page.request.get(server.url);
  expect(response.headers()['cross-origin-embedder-policy']).toBeUndefined();
  await openApp(page);
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 120_000 });
  await page.screenshot({ path: test.info().outputPath('offline-ready.png') });
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId('threads-off')).toHaveCount(0);
  await expect(page.getByTestId('threads-badge')).toHaveText(/WASM [2-4] threads/);
  // Every URL respects the base path: manifest, icons, samples, worker and WASM.
  expect(await page.locator('link[rel=manifest]').getAttribute('href')).toBe(`${BASE}manifest.webmanifest`);
  const manifest = await (await page.request.get(`${server.url}manifest.webmanifest`)).json();
  for (const icon of manifest.icons) expect((await page.request.get(new URL(icon.src, server.url).href)).status()).toBe(200);
  expect(await runSentiment(page, 'I love this movie')).toBe('POSITIVE');
  await expect(page.getByTestId('load-status')).toHaveAttribute('data-threads', /[2-4]/);
  await expect(page.getByTestId('image-preview')).toHaveCount(0);
  await page.getByTestId('task-image-classification').click();
  await expect(page.getByTestId('image-preview')).toHaveJSProperty('complete', true);
  expect(await page.getByTestId('image-preview').evaluate((img: HTMLImageElement) => [img.naturalWidth > 0, new URL(img.src).pathname])).toEqual([true, `${BASE}samples/coffee.png`]);
});

test('where nothing can isolate the page (no headers, no service worker), the app says threads are off', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await openApp(page);
  await expect(page.getByTestId('threads-off')).toContainText('WASM threads are off.');
  await expect(page.getByTestId('threads-badge')).toHaveText('WASM 1 thread');
  await page.screenshot({ path: test.info().outputPath('threads-off.png') });
  await context.close();
});

test('loaded once, then offline: the app reloads, the last result is back, and a cached model runs', async ({ page, context }) => {
  await firstVisit(page);
  expect(await runSentiment(page, 'I love this movie')).toBe('POSITIVE');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('task-text-classification')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('text-input')).toHaveValue('I love this movie');
  // The last result is restored with the rest of the visit.
  await expect(topLabel(page)).toHaveText('POSITIVE');
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
  expect(await runSentiment(page, 'This was terrible')).toBe('NEGATIVE');
  await expect(page.getByTestId('load-time')).toContainText('from cache');
  await context.setOffline(false);
});

test('a new build is announced as "Update available", and Reload switches to it', async ({ page }) => {
  await firstVisit(page);
  const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  expect(before).toContain(`${BASE}sw.js`);
  // Any change to sw.js is a new build to the browser; the app checks for it when it opens.
  appendFileSync(join(dir, 'sw.js'), `\n// rebuilt ${Date.now()}\n`);
  await page.reload();
  await expect(page.getByTestId('update-notice')).toBeVisible({ timeout: 120_000 });
  await page.screenshot({ path: test.info().outputPath('update-available.png') });
  const reloaded = page.waitForEvent('load');
  await page.getByTestId('update-reload').click();
  await reloaded;
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting)).toBeNull();
});
