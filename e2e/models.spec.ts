import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FIRST_CHECK, chromiumWith, expectRunDone, openTask, runAndWait, topLabel } from './helpers/app';

const MODELS_DIR = process.env.MODELS_DIR ?? new URL('../../shared/models/', import.meta.url).pathname;
const SENTIMENT = 'fixtures/potion-base-4M-sentiment-anchors';

// measureUserAgentSpecificMemory normally waits for a garbage collection (up to ~20 s); this flag makes it measure at once.
test.use(chromiumWith('--enable-blink-features=ForceEagerMeasureMemory'));

test.describe.configure({ timeout: 300_000 });

test('search the mirror for the task, pick a result, see what will download, run it', async ({ page }) => {
  await openTask(page, 'text-classification', 'Xenova/distilbert-base-uncased-finetuned-sst-2-english');
  await page.getByTestId('browse-models').click();
  const browser = page.getByTestId('model-browser');
  // The curated catalog: id, architecture, size, licence, what it is for.
  await expect(browser.getByTestId('catalog-list')).toContainText('distilbert · ≈ 67 MB (default precision) · licence apache-2.0');
  await browser.getByTestId('browser-tab-search').click();
  await browser.getByTestId('hub-search-input').fill('potion');
  const results = browser.getByTestId('search-results');
  // Only text-classification models: the plain potion embedder (feature-extraction) and the NLI head (tagged
  // zero-shot-classification, its real pipeline) are filtered out by the mirror.
  await expect(results.locator('li strong')).toHaveText([SENTIMENT]);
  await expect(results.locator('li').first()).toContainText('text-classification · ↓');
  await results.getByRole('button', { name: `Use ${SENTIMENT}` }).click();
  await expect(browser).toHaveCount(0);
  await expect(page.getByTestId('model-input')).toHaveValue(SENTIMENT);

  const plan = page.getByTestId('model-plan');
  await expect(plan).toHaveAttribute('data-status', 'ready', FIRST_CHECK);
  // Checking the model reads its config.json (984 B), which may already sit in the cache by the time the plan is read.
  await expect(page.getByTestId('plan-download')).toHaveText(/^Will download 4\.5 MB( \(984 B already cached\))?$/);
  await expect(page.getByTestId('plan-arch')).toHaveText('bert ✓ supported');
  await expect(page.getByTestId('plan-memory')).toContainText(/needs ≈ [5-9]\.\d MB memory/);
  await plan.locator('summary').click();
  await expect(page.getByTestId('plan-files')).toContainText('onnx/model_quantized.onnx 3.8 MB');
  await expect(page.getByTestId('plan-files')).toContainText('tokenizer.json 684 kB');

  await page.getByTestId('text-input').fill('I love this movie');
  await runAndWait(page);
  await expectRunDone(page);
  await expect(topLabel(page)).toHaveText('POSITIVE');
  // Loaded once, it is now cached: the plan says so.
  await page.getByTestId('dtype-select').selectOption('q8');
  await expect(page.getByTestId('plan-download')).toHaveText('In the browser cache (4.5 MB): loads without downloading');
});

test('a full model id typed in the search box can be used as is; an illegal one is flagged', async ({ page }) => {
  await openTask(page, 'text-generation', 'Xenova/distilgpt2');
  await page.getByTestId('browse-models').click();
  await page.getByTestId('browser-tab-search').click();
  await page.getByTestId('hub-search-input').fill('bad id/with spaces!');
  await expect(page.getByTestId('model-browser').getByRole('alert')).toContainText('not a valid model id');
  await expect(page.getByTestId('use-typed-id')).toHaveCount(0);
  await page.getByTestId('hub-search-input').fill('karpathy/tinyllamas-stories260K');
  await page.getByTestId('use-typed-id').click();
  await expect(page.getByTestId('model-input')).toHaveValue('karpathy/tinyllamas-stories260K');
  await expect(page.getByTestId('plan-arch')).toHaveText('llama ✓ supported', FIRST_CHECK);
});

test('an invalid model id shows only its message next to the field: no request, no "Model not found"', async ({ page }) => {
  const INVALID = ['not a valid id!!', 'a/b/c/d', '../x'];
  const asked: string[] = [];
  page.context().on('request', (request) => asked.push(decodeURIComponent(request.url())));
  await openTask(page, 'text-classification', SENTIMENT);
  await expect(page.getByTestId('plan-download')).toBeVisible(FIRST_CHECK);
  // Anything that reports the model as missing or failed, at any moment of the test, is kept.
  await page.evaluate(() => {
    const seen = window as unknown as { banner?: string };
    new MutationObserver(() => {
      const found = document.querySelector('[data-testid=load-error], [data-testid=model-check-error], [data-testid=load-status][data-phase=failed]');
      if (found || document.body.textContent?.includes('Model not found')) seen.banner ??= found?.textContent ?? 'Model not found';
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const before = asked.length;
  for (const id of INVALID) {
    await page.getByTestId('model-input').fill(id);
    await expect(page.getByTestId('model-id-error')).toContainText(`“${id}” is not a valid model id`);
    await expect(page.getByTestId('load-button')).toBeDisabled();
    await page.getByTestId('run-button').click();
    // Run points at the cause: the field (and its message) gets the focus, and so comes into view on a phone.
    await expect(page.getByTestId('model-input')).toBeFocused();
  }
  // The valid model runs after them (a Run pressed while another is under way would join it).
  await page.getByTestId('model-input').fill(SENTIMENT);
  await runAndWait(page);
  await expectRunDone(page);
  expect(await page.evaluate(() => (window as unknown as { banner?: string }).banner)).toBeUndefined();
  expect(asked.slice(before).filter((url) => INVALID.some((id) => url.includes(id)) || url.includes('/x/resolve'))).toEqual([]);
});

test('an unsupported architecture is refused before any download, and the app stays usable', async ({ page }) => {
  const weights: string[] = [];
  page.context().on('request', (request) => {
    // The page opens on the task's default model, whose plan check may probe its own files first: only this model's count.
    if (request.url().includes('/e2e/unsupported-arch/') && request.url().includes('/onnx/')) weights.push(request.url());
  });
  await openTask(page, 'text-classification', 'e2e/unsupported-arch');
  const check = page.getByTestId('model-check-error');
  await expect(check).toHaveAttribute('data-error-name', 'UnsupportedModelError', FIRST_CHECK);
  await expect(check).toContainText('is a "pangu_embedded" model (PanguEmbeddedForSequenceClassification)');
  await expect(check).toContainText('cannot run for text-classification');
  await page.getByTestId('load-button').click();
  const error = page.getByTestId('load-error');
  await expect(error).toHaveAttribute('data-error-name', 'UnsupportedModelError');
  await expect(error).toContainText('raw ONNX lab');
  // Said once, where the check said it (next to the model field): the load's word replaces the check's.
  await expect(check).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(1);
  // The lab button appears only where the raw ONNX lab task exists.
  const hasLab = (await page.getByTestId('task-onnx-lab').count()) > 0;
  await expect(page.getByTestId('open-onnx-lab')).toHaveCount(hasLab ? 1 : 0);
  expect(weights).toEqual([]);

  await page.getByTestId('model-input').fill(SENTIMENT);
  await page.getByTestId('text-input').fill('This was terrible');
  await runAndWait(page);
  await expectRunDone(page);
  await expect(topLabel(page)).toHaveText('NEGATIVE');
});

test('a repo with no ONNX files is flagged before loading', async ({ page }) => {
  await openTask(page, 'text-classification', 'e2e/no-onnx-weights');
  await expect(page.getByTestId('model-check-error')).toHaveAttribute('data-error-name', 'NoOnnxWeightsError', FIRST_CHECK);
  await expect(page.getByTestId('model-check-error')).toContainText('has no ONNX weights');
  await expect(page.getByTestId('load-button')).toBeEnabled();
});

test('a model folder from disk runs with nothing uploaded, even offline', async ({ page, context }) => {
  // The app's own code must be loaded before going offline (there is no service worker in this build):
  // one run brings in the task's runner.
  await openTask(page, 'text-classification', 'fixtures/potion-base-4M-zeroshot-nli');
  await runAndWait(page);
  await expectRunDone(page);
  await page.getByTestId('browse-models').click();
  await page.getByTestId('browser-tab-local').click();
  await page.getByTestId('folder-input').setInputFiles(path.join(MODELS_DIR, SENTIMENT));
  await expect(page.getByTestId('folder-summary')).toContainText('potion-base-4M-sentiment-anchors · 5 files · 4.5 MB');
  await expect(page.getByTestId('folder-problems')).toHaveCount(0);
  await page.getByTestId('use-folder').click();
  await expect(page.getByTestId('model-input')).toHaveValue('local:potion-base-4M-sentiment-anchors');
  await expect(page.getByTestId('local-note')).toContainText('nothing is uploaded');
  await expect(page.getByTestId('plan-download')).toHaveText('Reads 4.5 MB from your disk; nothing is uploaded', FIRST_CHECK);

  const requests: string[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith('blob:') && !request.url().startsWith(new URL(page.url()).origin)) requests.push(request.url());
  });
  await context.setOffline(true);
  await page.getByTestId('text-input').fill('I love this movie');
  await runAndWait(page);
  await expectRunDone(page);
  await expect(topLabel(page)).toHaveText('POSITIVE');
  await expect(page.getByTestId('load-status')).toContainText('local/potion-base-4M-sentiment-anchors');
  expect(requests).toEqual([]);
  await context.setOffline(false);
});

test('a folder missing its tokenizer is refused with the file named', async ({ page }) => {
  const folder = path.join(mkdtempSync(path.join(tmpdir(), 'mp-folder-')), 'no-tokenizer-model');
  mkdirSync(path.join(folder, 'onnx'), { recursive: true });
  for (const file of ['config.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']) {
    cpSync(path.join(MODELS_DIR, SENTIMENT, file), path.join(folder, file));
  }
  await openTask(page, 'text-classification', SENTIMENT);
  await page.getByTestId('browse-models').click();
  await page.getByTestId('browser-tab-local').click();
  await page.getByTestId('folder-input').setInputFiles(folder);
  await expect(page.getByTestId('folder-problems')).toContainText('tokenizer.json is missing: text-classification needs it.');
  await expect(page.getByTestId('use-folder')).toBeDisabled();
  await page.getByRole('button', { name: 'Close' }).click();
  // Nothing changed: the previous model is still chosen and runs.
  await expect(page.getByTestId('model-input')).toHaveValue(SENTIMENT);
  await runAndWait(page);
  await expectRunDone(page);
});

test('a large download asks first', async ({ page }) => {
  await openTask(page, 'text-classification', SENTIMENT);
  await page.getByTestId('settings-button').click();
  await page.getByTestId('confirm-threshold').fill('1');
  await page.getByTestId('settings-save').click();
  // The config read by the model check may already be in the cache ("… (984 B already cached)").
  await expect(page.getByTestId('plan-download')).toHaveText(/^Will download 4\.5 MB\b/, FIRST_CHECK);
  await page.getByTestId('load-button').click();
  const confirm = page.getByTestId('confirm-download');
  await expect(confirm).toContainText('Download 4.5 MB?');
  await expect(confirm).toContainText('more than your 1 MB limit');
  await expect(page.getByTestId('load-status')).toContainText('No model loaded yet');
  await page.getByTestId('confirm-download-yes').click();
  await expect(page.getByTestId('ran-on')).toBeVisible(FIRST_CHECK);
  await expect(confirm).toHaveCount(0);
});

test('ten model switches in a row do not grow memory', async ({ page }) => {
  const models = [SENTIMENT, 'fixtures/potion-base-4M-zeroshot-nli'];
  // One WASM thread: onnxruntime's thread workers wait in Atomics.wait and never answer a memory measurement,
  // which then only returns after its 60 s timeout.
  await openTask(page, 'text-classification', models[0], '&threads=1');
  await expect(page.getByTestId('threads-badge')).toContainText('WASM 1 thread');
  const measure = () =>
    page.evaluate(async () => {
      const perf = performance as Performance & { measureUserAgentSpecificMemory(): Promise<{ bytes: number }> };
      return (await perf.measureUserAgentSpecificMemory()).bytes;
    });
  const memory: number[] = [];
  for (let i = 0; i < 10; i++) {
    await page.getByTestId('model-input').fill(models[i % 2]);
    await page.getByTestId('text-input').fill(`Switch number ${i}: I love this movie`);
    await runAndWait(page);
    await expectRunDone(page);
    await expect(page.getByTestId('load-status')).toContainText(models[i % 2]);
    memory.push(await measure());
  }
  console.log(`memory after each switch (MB): ${memory.map((b) => (b / 1e6).toFixed(1)).join(', ')}`);
  // Each model holds ~4 MB of weights: without releasing the previous one, 8 more loads would add > 30 MB.
  const early = Math.max(memory[1], memory[2]);
  expect(memory[9] / early).toBeLessThan(1.25);
  expect(memory[9] - early).toBeLessThan(20e6);
});
