import { expect, test, type Page } from '@playwright/test';
import { FIRST_CHECK, expectRunDone, openTask, runAndWait } from './helpers/app';

const SENTIMENT = 'fixtures/potion-base-4M-sentiment-anchors';
const NLI = 'fixtures/potion-base-4M-zeroshot-nli';

test.describe.configure({ timeout: 400_000 });

async function load(page: Page, model: string): Promise<void> {
  await page.getByTestId('model-input').fill(model);
  await page.getByTestId('load-button').click();
  await expect(page.getByTestId('load-status')).toHaveAttribute('data-device', /wasm|webgpu/, FIRST_CHECK);
  await expect(page.getByTestId('load-status')).toContainText(model);
}

/** Cache Storage keys of a model, read in the page (the worker shares the origin's caches). */
function cachedKeys(page: Page, model: string): Promise<string[]> {
  return page.evaluate(async (id) => {
    if (!(await caches.has('transformers-cache'))) return [];
    const keys = await (await caches.open('transformers-cache')).keys();
    return keys.map((request) => request.url).filter((url) => url.includes(`/${id}/resolve/`));
  }, model);
}

test('cached models load and run offline; the cache manager lists and deletes them', async ({ page, context }) => {
  await openTask(page, 'text-classification', NLI);
  await load(page, NLI);
  await load(page, SENTIMENT);
  await expect(page.getByTestId('load-time')).not.toContainText('from cache');

  await page.reload();
  await expect(page.getByTestId('model-input')).toHaveValue(SENTIMENT);
  // The app's own code must be loaded before going offline (no service worker in this build):
  // a load of the other model brings in the task's runner.
  await load(page, NLI);
  await page.getByTestId('model-input').fill(SENTIMENT);
  await context.setOffline(true);
  await page.getByTestId('load-button').click();
  await expect(page.getByTestId('load-time')).toContainText('from cache', FIRST_CHECK);
  await page.getByTestId('text-input').fill('I love this movie');
  await runAndWait(page);
  await expectRunDone(page);
  await expect(page.getByTestId('score-bars').locator('li').first()).toContainText('POSITIVE');

  await page.getByTestId('models-button').click();
  const dialog = page.getByTestId('models-dialog');
  await expect(dialog.getByTestId('storage-info')).toContainText(/Storage used by this site: [\d.]+ MB of [\d.]+ (MB|GB) available/);
  const rows = dialog.getByTestId('cached-model');
  await expect(rows).toHaveCount(2);
  const row = dialog.locator(`[data-model="${SENTIMENT}"]`);
  await expect(row).toContainText('4.5 MB');
  await expect(row).toContainText('just now');
  await expect(row).toContainText('127.0.0.1');
  await row.getByRole('button', { name: `Delete ${SENTIMENT}` }).click();
  await expect(dialog.getByTestId('models-message')).toContainText(`Deleted ${SENTIMENT} (4.5 MB)`);
  await expect(rows).toHaveCount(1);
  expect(await cachedKeys(page, SENTIMENT)).toEqual([]);
  expect((await cachedKeys(page, NLI)).length).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // A fresh page (no model in memory), offline: the deleted model cannot load, and says why.
  await context.setOffline(false);
  await page.reload();
  await load(page, NLI);
  await page.getByTestId('model-input').fill(SENTIMENT);
  await context.setOffline(true);
  await page.getByTestId('load-button').click();
  const error = page.getByTestId('load-error');
  await expect(error).toHaveAttribute('data-error-name', 'NetworkError', FIRST_CHECK);
  await expect(error).toContainText('Could not reach the model host 127.0.0.1');
  // The other model still loads offline, and the app is usable.
  await load(page, NLI);
  await expect(page.getByTestId('load-time')).toContainText('from cache');

  // Delete all, back online: the model downloads again.
  await page.getByTestId('models-button').click();
  await page.getByTestId('delete-all').click();
  await page.getByTestId('delete-all-yes').click();
  await expect(dialog.getByTestId('cache-empty')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await context.setOffline(false);
  await load(page, SENTIMENT);
  await expect(page.getByTestId('load-time')).not.toContainText('from cache');
});

test('a quota error while caching: the model still runs, the user is told, nothing half-written stays', async ({ page, context }) => {
  await openTask(page, 'text-classification', SENTIMENT);
  // Room for config and tokenizer (~0.7 MB) but not the 3.8 MB weights.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: 2_000_000 });
  await page.getByTestId('text-input').fill('This was terrible');
  await runAndWait(page);
  await expectRunDone(page);
  await expect(page.getByTestId('score-bars').locator('li').first()).toContainText('NEGATIVE');
  const warning = page.getByTestId('cache-warning');
  await expect(warning).toContainText('could not be saved for offline use');
  await expect(warning).toContainText('quota exceeded');
  expect(await cachedKeys(page, SENTIMENT)).toEqual([]);
  await page.getByTestId('models-button').click();
  await expect(page.getByTestId('cache-empty')).toBeVisible();
  await page.getByTestId('models-dialog').getByRole('button', { name: 'Close' }).click();

  // With room again, the next load caches it completely.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin });
  await page.reload();
  await page.getByTestId('load-button').click();
  await expect(page.getByTestId('ran-on')).toBeVisible(FIRST_CHECK);
  await expect(page.getByTestId('cache-warning')).toHaveCount(0);
  expect((await cachedKeys(page, SENTIMENT)).length).toBe(4);
});
