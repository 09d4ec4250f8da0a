import { expect, test } from '@playwright/test';
import { chromiumWith, expectRunDone, openTask, runAndWait } from './helpers/app';

// SwiftShader's software WebGPU: correct, slow, fine for a tiny model (../shared/PLATFORM.md, trap 5).
test.use(chromiumWith('--enable-unsafe-webgpu'));

test('WebGPU gives the same answer as WASM', async ({ page }) => {
  test.setTimeout(240_000);
  await openTask(page, 'text-classification', 'fixtures/potion-base-4M-sentiment-anchors');
  await page.getByTestId('text-input').fill('This product exceeded my expectations.');
  await page.getByTestId('device-select').selectOption('wasm');
  await runAndWait(page);
  await expectRunDone(page);
  const bars = page.getByTestId('score-bars').locator('li');
  const wasmScores = await bars.allTextContents();

  await page.getByTestId('device-select').selectOption('webgpu');
  await runAndWait(page);
  await expectRunDone(page);
  await expect(page.getByTestId('load-status')).toHaveAttribute('data-device', 'webgpu');
  await expect(page.getByTestId('ran-on')).toHaveText('WebGPU');
  // The model's weights live in GPU buffers: the worker counts the bytes of those it created.
  await expect(page.getByTestId('memory-figures')).toContainText(/GPU buffers [\d.]+ [kMG]B/);
  expect(Number(await page.getByTestId('memory-figures').getAttribute('data-gpu'))).toBeGreaterThan(0);
  expect(await bars.allTextContents()).toEqual(wasmScores);
  await expect(bars.first()).toContainText('POSITIVE');
});
