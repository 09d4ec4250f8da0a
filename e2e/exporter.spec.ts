import { expect, test } from '@playwright/test';
import { expectGreedyStory, expectRunDone, openTask, setRange } from './helpers/app';

// llama-onnx/tinyllamas-stories260K is written by scripts/llama-onnx (the mirror generates it into
// e2e/fixtures/models from the shipped stories260K weights), in fp32 and q4 (MatMulNBits).
const MODEL = 'llama-onnx/tinyllamas-stories260K';

test.describe('a model made by the Llama exporter', () => {
  test('fp32 in the app writes the shipped model’s greedy text', async ({ page }) => {
    await openTask(page, 'text-generation', MODEL);
    await expect(page.getByTestId('dtype-select').locator('option')).toHaveText(['auto', 'fp32 (model default)', 'q4']);
    await page.getByTestId('dtype-select').selectOption('fp32');
    // The same continuation as karpathy/tinyllamas-stories260K itself (e2e/text.spec.ts).
    await expectGreedyStory(page);
  });

  test('q4 streams text token by token on WASM', async ({ page }) => {
    await openTask(page, 'text-generation', MODEL);
    await page.getByTestId('dtype-select').selectOption('q4');
    await page.getByTestId('prompt-input').fill('Once upon a time');
    await setRange(page, 'param-max_new_tokens', 300);
    await setRange(page, 'param-min_new_tokens', 300);
    await page.getByTestId('load-button').click();
    await expect(page.getByTestId('load-status')).toHaveAttribute('data-device', 'wasm');
    // Streaming: every text the page shows while the run is still going is recorded (a fast machine may finish
    // 300 tokens before a polling assertion looks, so the page records them itself).
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { seenWhileRunning: number[] }).seenWhileRunning = seen;
      new MutationObserver(() => {
        const output = document.querySelector('[data-testid=output]');
        const text = document.querySelector('[data-testid=completion]')?.textContent ?? '';
        if (output?.getAttribute('data-status') === 'running' && /\w+ \w+/.test(text) && seen.at(-1) !== text.length) seen.push(text.length);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    const seen = await page.evaluate(() => (window as unknown as { seenWhileRunning: number[] }).seenWhileRunning);
    expect(seen.length, 'words shown while the run was still going, growing').toBeGreaterThanOrEqual(2);
    await expectRunDone(page);
    await expect(page.getByTestId('tokens')).toHaveText('300');
  });
});
