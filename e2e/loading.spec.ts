import { expect, test } from '@playwright/test';
import { MIRROR, expectRunDone, openTask, runAndWait } from './helpers/app';

test('loading shows bytes per file and in total, then the phases, then where it ran', async ({ page, context }) => {
  // Hold the weights back for a moment so the download state can be seen (the mirror is local and fast).
  await context.route('**/onnx/model_quantized.onnx', async (route) => {
    if (route.request().headers()['range']) return route.continue();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await route.continue();
  });
  await openTask(page, 'text-classification', 'fixtures/potion-base-4M-sentiment-anchors');
  await page.getByTestId('load-button').click();
  const status = page.getByTestId('load-status');
  await expect(status).toHaveAttribute('data-phase', 'download');
  await expect(status).toContainText('Downloading');
  await expect(status.locator('.file-progress li', { hasText: 'onnx/model_quantized.onnx' })).toContainText('/ 3.8 MB');
  await expect(status.locator('.file-progress li', { hasText: 'tokenizer.json' })).toContainText('684 kB / 684 kB');
  await expect(page.getByTestId('cancel-load')).toBeVisible();
  await expect(status).toHaveAttribute('data-device', 'wasm');
  await expect(status).toContainText('4.5 MB');
  await expect(page.getByTestId('ran-on')).toHaveText(/WASM · \d+ threads?/);
  // The preview server sends COOP/COEP, so WASM is multi-threaded.
  await expect(page.getByTestId('threads-badge')).toHaveText(/WASM [2-4] threads/);
});

test('the model host is a setting, and the last visit is restored on reload', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText('Hugging Face Hub')).toBeVisible();
  await page.getByTestId('settings-button').click();
  await page.getByTestId('host-input').fill('not a url');
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('Enter an http(s) URL');
  await expect(page.getByTestId('settings-save')).toBeDisabled();
  await page.getByTestId('host-input').fill(MIRROR);
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('host-badge')).toContainText('127.0.0.1');

  await page.getByTestId('task-text-generation').click();
  await page.getByTestId('model-input').fill('karpathy/tinyllamas-stories260K');
  await page.getByTestId('prompt-input').fill('The little robot');
  await page.reload();
  await expect(page.getByTestId('host-badge')).toContainText('127.0.0.1');
  await expect(page.getByTestId('task-text-generation')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('model-input')).toHaveValue('karpathy/tinyllamas-stories260K');
  await expect(page.getByTestId('prompt-input')).toHaveValue('The little robot');
});

test('a model loaded once loads from the browser cache the next time', async ({ page }) => {
  await openTask(page, 'image-classification', 'onnxmodelzoo/mobilenetv2-12-int8');
  await page.getByTestId('load-button').click();
  await expect(page.getByTestId('load-time')).not.toContainText('from cache');
  await page.reload();
  await page.getByTestId('load-button').click();
  await expect(page.getByTestId('load-time')).toContainText('from cache');
  await runAndWait(page);
  await expectRunDone(page);
});

test('a small decoder: the worker moves to one thread once the model is planned, so Load starts no other worker', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  // The engine has started onnxruntime on every thread before any model is chosen (it prewarms once the page settles).
  const wasm = page.waitForEvent('requestfinished', { predicate: (r) => r.url().endsWith('.wasm'), timeout: 150_000 });
  await openTask(page, 'text-generation', 'karpathy/tinyllamas-stories260K');
  await wasm;
  await expect(page.getByTestId('plan-download')).toBeVisible();
  // Its weights are 1.2 MB: it decodes faster on one thread (src/protocol/thread-choice.ts), so the idle worker is
  // replaced by one started on one thread, before Load.
  await expect.poll(() => workers.filter((url) => url.includes('inference.worker')).length).toBe(2);
  const before = workers.length;
  await page.getByTestId('prompt-input').fill('Once upon a time');
  await runAndWait(page);
  await expectRunDone(page);
  await expect(page.getByTestId('load-status')).toHaveAttribute('data-threads', '1');
  await expect(page.getByTestId('ran-on')).toHaveText('WASM · 1 thread');
  expect(workers.filter((url) => url.includes('inference.worker'))).toHaveLength(2);
  // onnxruntime's own thread workers aside, no engine worker started with the load.
  expect(workers.slice(before).filter((url) => url.includes('inference.worker'))).toEqual([]);
});
