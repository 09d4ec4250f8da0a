import { expect, test } from '@playwright/test';
import { expectGreedyStory, expectRunDone, openTask, runAndWait, setRange, topLabel } from './helpers/app';

test.describe('text tasks on real models', () => {
  test('sentiment: POSITIVE for a happy review, NEGATIVE for a bad one', async ({ page }) => {
    await openTask(page, 'text-classification', 'fixtures/potion-base-4M-sentiment-anchors');
    await page.getByTestId('text-input').fill('I love this movie');
    await runAndWait(page);
    await expectRunDone(page);
    const top = topLabel(page);
    await expect(top).toHaveText('POSITIVE');
    await expect(page.getByTestId('load-status')).toHaveAttribute('data-device', 'wasm');
    await expect(page.getByTestId('load-time')).toContainText(/loaded in [\d.]+ (ms|s)/);

    await page.getByTestId('text-input').fill('This was terrible');
    await runAndWait(page);
    await expectRunDone(page);
    await expect(top).toHaveText('NEGATIVE');
    await expect(page.getByTestId('latency')).toContainText(/[\d.]+ (ms|s)/);
    // The model's own share of it: time inside onnxruntime's session.run, more than nothing and within the latency.
    const modelMs = Number(await page.getByTestId('model-ms').getAttribute('data-ms'));
    const latencyMs = Number(await page.getByTestId('latency').getAttribute('data-ms'));
    expect(modelMs).toBeGreaterThan(0);
    expect(modelMs).toBeLessThanOrEqual(latencyMs);
  });

  test('similarity: the guitar sentences are nearest neighbours', async ({ page }) => {
    await openTask(page, 'feature-extraction', 'minishlab/potion-base-4M');
    await page.getByTestId('sentences-input').fill('The stock market fell sharply today.\nSomeone is strumming a guitar on stage.');
    await page.getByTestId('query-input').fill('A man is playing a guitar.');
    await runAndWait(page);
    await expectRunDone(page);
    const neighbours = page.getByTestId('neighbours').locator('li');
    await expect(neighbours).toHaveCount(2);
    await expect(neighbours.first()).toContainText('Someone is strumming a guitar on stage.');
    // MANIFEST.md: cos = 0.5916 for the guitar pair, 0.0456 for the unrelated one.
    await expect(neighbours.first().locator('.cos')).toHaveText('0.592');
    await expect(neighbours.nth(1).locator('.cos')).toHaveText('0.046');
    const matrix = page.getByTestId('similarity-matrix');
    await expect(matrix.locator('tbody tr')).toHaveCount(2);
    await expect(matrix.locator('tbody tr').first().locator('td').first()).toHaveText('1.00');
  });

  test('generation: a greedy continuation streams in, with speed stats', async ({ page }) => {
    await openTask(page, 'text-generation', 'karpathy/tinyllamas-stories260K');
    await expectGreedyStory(page);
    // A decoder this small decodes faster on one WASM thread; its worker was started with one (src/protocol/thread-choice.ts).
    await expect(page.getByTestId('ran-on')).toHaveText(/WASM · 1 thread\b/);
    await expect(page.getByTestId('ttft')).toContainText(/ms|s/);
    await expect(page.getByTestId('tokens-per-second')).toContainText(/[\d.]+ tok\/s/);

    // A prompt past the model's context (512 positions, one kept for a new token) is named next to the prompt,
    // counted in the tokens the model would be fed; the prompt stays, and the next one runs on the same model.
    const long = 'Once upon a time there was a cat. '.repeat(60).trim();
    await page.getByTestId('prompt-input').fill(long);
    await runAndWait(page);
    const alert = page.locator('.input-pane [role=alert]');
    await expect(alert).toHaveText(/^The prompt is \d+ tokens; this model reads at most 511 here \(of its 512\)\./);
    // Its own length, not the tokenizer's cut: 60 sentences of 9 words are far more than 512 tokens.
    expect(Number((await alert.textContent())?.match(/is (\d+) tokens/)?.[1])).toBeGreaterThan(512);
    await expect(page.getByTestId('prompt-input')).toHaveValue(long);
    await expectGreedyStory(page);
  });

  test('generation: Stop halts a long generation part-way', async ({ page }) => {
    await openTask(page, 'text-generation', 'karpathy/tinyllamas-stories260K');
    await page.getByTestId('prompt-input').fill('Once upon a time');
    await setRange(page, 'param-max_new_tokens', 480);
    await setRange(page, 'param-min_new_tokens', 480);
    await page.getByTestId('param-do_sample').check();
    await page.getByTestId('load-button').click();
    await expect(page.getByTestId('load-status')).toHaveAttribute('data-device', 'wasm');
    await page.getByTestId('run-button').click();
    // Streaming: text is on the page while the run is still going.
    await expect(page.getByTestId('completion')).not.toBeEmpty();
    await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'running');
    await page.getByTestId('stop-button').click();
    await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId('generation-output')).toContainText('stopped');
    const tokens = Number(await page.getByTestId('tokens').textContent());
    expect(tokens).toBeGreaterThan(0);
    expect(tokens).toBeLessThan(480);
    // The model stays loaded and usable after a stop.
    await expect(page.getByTestId('load-status')).toHaveAttribute('data-device', 'wasm');
  });

  test('generation: a reload mid-run leaves no stuck run, keeps the prompt, and the next Run completes', async ({ page }) => {
    await openTask(page, 'text-generation', 'karpathy/tinyllamas-stories260K');
    await page.getByTestId('prompt-input').fill('Once upon a time');
    await setRange(page, 'param-max_new_tokens', 480);
    await setRange(page, 'param-min_new_tokens', 480);
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('completion')).not.toBeEmpty();
    await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'running');
    await page.reload();
    // The run died with the page: nothing claims it is still going, and what was typed is kept.
    await expect(page.getByTestId('prompt-input')).toHaveValue('Once upon a time');
    await expect(page.getByTestId('run-button')).toBeEnabled();
    await expect(page.getByTestId('stop-button')).toHaveCount(0);
    await expect(page.locator('[data-testid=output][data-status=running]')).toHaveCount(0);
    await setRange(page, 'param-min_new_tokens', 0);
    await setRange(page, 'param-max_new_tokens', 8);
    await runAndWait(page);
    await expectRunDone(page);
    await expect(page.getByTestId('completion')).toHaveText(/^, there was a little girl/);
    await expect(page.getByTestId('tokens')).toHaveText('8');
  });
});
