import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { FIRST_CHECK, MIRROR, expectRunDone, openTask, pickTask, runAndWait, topLabel } from './helpers/app';
import { startMirror } from '../scripts/model-mirror.mjs';

const SENTIMENT = 'fixtures/potion-base-4M-sentiment-anchors';
const LOVE = 'I love this movie, it was wonderful';
const HATE = 'This film was terrible and boring';

test.describe.configure({ timeout: 400_000 });

async function classify(page: Page, text: string): Promise<string> {
  await page.getByTestId('text-input').fill(text);
  await runAndWait(page, FIRST_CHECK.timeout);
  await expectRunDone(page);
  return (await page.getByTestId('score-bars').locator('li').first().innerText()).replace(/\s+/g, ' ');
}

async function openHistory(page: Page) {
  await page.getByTestId('history-button').click();
  const dialog = page.getByTestId('history-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

test('runs are kept across a reload; one opens in place without running, runs again to the same output, and two compare', async ({ page }) => {
  await openTask(page, 'text-classification', SENTIMENT);
  const loved = await classify(page, LOVE);
  expect(loved).toContain('POSITIVE');
  // What the model really took, beside the estimate made before loading it.
  const memory = page.getByTestId('memory-figures');
  await expect(memory).toContainText(/estimate [\d.]+ [kMG]B, measured [\d.]+ [kMG]B WASM heap \([+−±]\d+ %\)/);
  expect(Number(await memory.getAttribute('data-wasm-heap'))).toBeGreaterThan(0);
  expect(Number(await memory.getAttribute('data-estimate'))).toBeGreaterThan(0);
  // The page's own figure comes from measureUserAgentSpecificMemory (cross-origin isolated), at the next GC.
  await expect(page.getByTestId('memory-page')).toContainText(/page [\d.]+ [kMG]B/, { timeout: 90_000 });
  expect(await classify(page, HATE)).toContain('NEGATIVE');

  await page.reload();
  let dialog = await openHistory(page);
  const items = dialog.getByTestId('history-item');
  await expect(items).toHaveCount(2);
  await expect(items.first().getByTestId('history-input')).toHaveText(HATE);
  await expect(items.first().getByTestId('history-output')).toContainText('NEGATIVE');
  await dialog.getByTestId('history-search').fill('wonderful');
  await expect(items).toHaveCount(1);
  await dialog.getByTestId('history-search').fill('');
  await dialog.getByTestId('history-task-filter').selectOption('text-classification');
  await dialog.getByTestId('history-model-filter').selectOption(SENTIMENT);
  await expect(items).toHaveCount(2);

  // Open in place: the input and output come back, and nothing is loaded or run.
  await items.nth(1).getByTestId('history-open').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('text-input')).toHaveValue(LOVE);
  await expect(page.getByTestId('model-input')).toHaveValue(SENTIMENT);
  expect((await page.getByTestId('score-bars').locator('li').first().innerText()).replace(/\s+/g, ' ')).toBe(loved);
  await expect(page.getByTestId('load-status')).toHaveAttribute('data-phase', 'idle');

  // Run again: the model loads and gives the same label and score; the new run is kept too.
  dialog = await openHistory(page);
  await items.nth(1).getByTestId('history-rerun').click();
  await expect(page.getByTestId('load-status')).toHaveAttribute('data-device', /wasm|webgpu/, FIRST_CHECK);
  await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'done', FIRST_CHECK);
  await expect(topLabel(page)).toHaveText('POSITIVE');
  expect((await page.getByTestId('score-bars').locator('li').first().innerText()).replace(/\s+/g, ' ')).toBe(loved);

  dialog = await openHistory(page);
  await expect(items).toHaveCount(3);
  await items.nth(0).getByRole('checkbox').check();
  await items.nth(1).getByRole('checkbox').check();
  await dialog.getByTestId('history-compare-button').click();
  const compare = dialog.getByTestId('history-compare');
  await expect(compare).toContainText(LOVE);
  await expect(compare).toContainText(HATE);
  await expect(compare.locator('tr', { hasText: 'Result' })).toHaveAttribute('data-differs', 'true');
  await expect(compare.locator('tr', { hasText: 'Model' })).toHaveAttribute('data-differs', 'false');
});

test('a run opened from the history comes back on its model host, which gets nothing until allowed (as a share link’s)', async ({ page }) => {
  // A second mirror of the same models: another host than the user's own.
  const other = await startMirror({ extraDirs: [], port: 0 });
  const hits: string[] = [];
  other.server.on('request', (request: { url?: string }) => hits.push(request.url ?? ''));
  try {
    await page.goto(`./?host=${encodeURIComponent(other.url)}`);
    await pickTask(page, 'text-classification');
    await page.getByTestId('model-input').fill(SENTIMENT);
    const loved = await classify(page, LOVE);
    expect(loved).toContain('POSITIVE');
    // The user's own host is now the usual mirror.
    await page.goto(`./?host=${encodeURIComponent(MIRROR)}`);
    await expect(page.getByTestId('host-badge')).toHaveText(`mirror: ${new URL(MIRROR).host}`);
    hits.length = 0;

    const otherHost = new URL(other.url).host;
    let dialog = await openHistory(page);
    await dialog.getByTestId('history-item').first().getByTestId('history-open').click();
    await expect(page.getByTestId('host-badge')).toHaveAttribute('data-link-host', 'held');
    await expect(page.getByTestId('host-badge')).toContainText(`demo host: ${otherHost} (not allowed)`);
    await expect(page.getByTestId('text-input')).toHaveValue(LOVE);
    // Run again on the held host: refused before anything is sent to it.
    dialog = await openHistory(page);
    await dialog.getByTestId('history-item').first().getByTestId('history-rerun').click();
    await expect(page.getByTestId('load-error')).toContainText('which you have not allowed', FIRST_CHECK);
    expect(hits).toEqual([]);

    // Allowed for this demo: the run goes to that host and gives the same result.
    await page.getByTestId('allow-link-host').click();
    await expect(page.getByTestId('host-badge')).toHaveAttribute('data-link-host', 'allowed');
    expect(await classify(page, LOVE)).toBe(loved);
    await expect.poll(() => hits.length).toBeGreaterThan(0);
    // Use my host: back on the user's own.
    await page.getByTestId('leave-link-host').click();
    await expect(page.getByTestId('host-badge')).toHaveText(`mirror: ${new URL(MIRROR).host}`);
  } finally {
    await other.close();
  }
});

test('export and import round-trip; a corrupt or foreign file is refused with a message and the history is intact', async ({ page }) => {
  await openTask(page, 'text-classification', SENTIMENT);
  await classify(page, LOVE);
  await classify(page, HATE);
  const dialog = await openHistory(page);
  const items = dialog.getByTestId('history-item');
  await expect(items).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('history-export').click()]);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'model-playground-history', version: 1 });

  await dialog.getByTestId('history-delete-all').click();
  await dialog.getByTestId('history-delete-all-confirm').click();
  await expect(dialog.getByTestId('history-empty')).toBeVisible();
  await dialog.getByTestId('history-import-file').setInputFiles(path);
  await expect(dialog.getByTestId('history-file-message')).toContainText('Imported 2 runs');
  await expect(items).toHaveCount(2);
  await expect(items.first().getByTestId('history-input')).toHaveText(HATE);
  await expect(items.nth(1).getByTestId('history-output')).toContainText('POSITIVE');

  const importText = (name: string, body: string) =>
    dialog.getByTestId('history-import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
  await importText('broken.json', text.slice(0, text.length / 2));
  await expect(dialog.getByTestId('history-import-error')).toContainText('not JSON');
  await expect(items).toHaveCount(2);
  await importText('other.json', JSON.stringify({ name: 'something else', items: [] }));
  await expect(dialog.getByTestId('history-import-error')).toContainText('not a Model Playground history file');
  const damaged = JSON.parse(text) as { runs: Record<string, unknown>[] };
  damaged.runs[1].time = 'yesterday';
  await importText('damaged.json', JSON.stringify(damaged));
  await expect(dialog.getByTestId('history-import-error')).toContainText('Run 2 of the file has no valid "time"');
  await expect(items).toHaveCount(2);
});

test('when storage is full the oldest runs are dropped, the newest kept, and the panel says so', async ({ page }) => {
  // IndexedDB refuses a third record, as a full origin quota would.
  await page.addInitScript(() => {
    let stored = 0;
    const put = IDBObjectStore.prototype.put;
    const remove = IDBObjectStore.prototype.delete;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'runs') {
        if (stored >= 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        stored++;
      }
      return put.apply(this, args);
    };
    IDBObjectStore.prototype.delete = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['delete']>) {
      if (this.name === 'runs') stored--;
      return remove.apply(this, args);
    };
  });
  await openTask(page, 'text-classification', SENTIMENT);
  await classify(page, 'first run');
  await classify(page, 'second run');
  await classify(page, 'third run');
  const dialog = await openHistory(page);
  await expect(dialog.getByTestId('history-dropped')).toContainText('Storage is full: the oldest run');
  const items = dialog.getByTestId('history-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).getByTestId('history-input')).toHaveText('third run');
  await expect(items.nth(1).getByTestId('history-input')).toHaveText('second run');
});
