import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { FIRST_CHECK, MIRROR, openTask, setRange } from './helpers/app';

const SENTIMENT = 'fixtures/potion-base-4M-sentiment-anchors';
const NLI = 'tiny-random/bert-nli';
const MOBILENET = 'onnxmodelzoo/mobilenetv2-12-int8';
const STORIES = 'karpathy/tinyllamas-stories260K';
const MISSING = 'nobody/does-not-exist';

const SETTLED = '[data-testid=compare-output]:is([data-status=done], [data-status=error], [data-status=stopped])';
const column = (page: Page, i: number): Locator => page.getByTestId(`compare-column-${i}`);

async function openCompare(page: Page): Promise<void> {
  await page.getByTestId('mode-compare').click();
  await expect(page.getByTestId('compare')).toBeVisible();
  await expect(page.getByTestId('compare-note')).toContainText('one at a time in one worker');
}

/**
 * Types a column's model. Set in every test even where the column's copy of the workspace model would do: the
 * workspace field can still be settling on the host's default when openTask types into it.
 */
async function setModel(page: Page, i: number, model: string): Promise<void> {
  await column(page, i).getByTestId('compare-model').fill(model);
  await expect(column(page, i).getByTestId('compare-model')).toHaveValue(model);
}

/** Runs every column and waits until each has finished or failed (before a run each says it is waiting). */
async function runAll(page: Page): Promise<void> {
  const columns = await page.locator('[data-testid^=compare-column-]').count();
  await page.getByTestId('compare-run').click();
  await expect(page.locator(SETTLED)).toHaveCount(columns, FIRST_CHECK);
  await expect(page.getByTestId('compare')).toHaveAttribute('data-running', 'false');
}

function keyOf(page: Page, i: number): Locator {
  return column(page, i).getByTestId('compare-key-value');
}

test.describe('compare mode', () => {
  test.describe.configure({ timeout: 300_000 });

  test('two sequence classifiers on one input: each column’s label, the differing one marked; a missing model fails alone', async ({ page }) => {
    await openTask(page, 'text-classification', SENTIMENT);
    await page.getByTestId('text-input').fill('I love this wonderful movie, it made me happy.');
    await openCompare(page);
    // Columns start as copies of the workspace's model; each is set explicitly all the same (see setModel).
    await setModel(page, 0, SENTIMENT);
    await setModel(page, 1, MISSING);
    await page.getByTestId('compare-add').click();
    await setModel(page, 2, NLI);
    await runAll(page);
    await expect(column(page, 0).getByTestId('compare-output')).toHaveAttribute('data-status', 'done');
    await expect(keyOf(page, 0)).toHaveText('POSITIVE');
    // The missing model's column says so, and the column after it still ran.
    const error = column(page, 1).getByTestId('compare-error');
    await expect(error).toContainText(`has no model "${MISSING}"`);
    await expect(column(page, 2).getByTestId('compare-output')).toHaveAttribute('data-status', 'done');
    await expect(keyOf(page, 2)).toHaveText(/^(entailment|neutral|contradiction)$/);
    await expect(column(page, 2).getByTestId('compare-output')).toHaveAttribute('data-differs', 'true');
    await expect(column(page, 2)).toContainText('differs from A');
    await expect(column(page, 0).getByTestId('compare-output')).toHaveAttribute('data-differs', 'false');
    // Each column shows the task's own output view, and the table marks a best load time and latency.
    await expect(column(page, 0).getByTestId('score-bars')).toBeVisible();
    await expect(page.locator('[data-testid=compare-table] tr[data-row=latency] td[data-best]')).toHaveCount(1);

    // Export: JSON with every column's settings, output and figures; PNG of the table.
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-export-json').click()]);
    const doc = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(doc.kind).toBe('compare');
    expect(doc.columns.map((c: { settings: { model: string } }) => c.settings.model)).toEqual([SENTIMENT, MISSING, NLI]);
    expect(doc.columns.map((c: { status: string }) => c.status)).toEqual(['done', 'error', 'done']);
    expect(doc.columns[0].output[0].label).toBe('POSITIVE');
    expect(doc.columns[2].differsFromA).toBe(true);
    expect(doc.columns[0].stats.latencies).toHaveLength(1);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-export-png').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
  });

  test('MobileNetV2 q8 against itself on 1 and 2 WASM threads: same label, the threads each column ran on', async ({ page }) => {
    await openTask(page, 'image-classification', MOBILENET);
    await openCompare(page);
    for (const [i, threads] of [[0, '1'], [1, '2']] as const) {
      await setModel(page, i, MOBILENET);
      await column(page, i).getByTestId('compare-dtype').selectOption('q8');
      await column(page, i).getByTestId('compare-device').selectOption('wasm');
      await column(page, i).getByTestId('compare-threads').selectOption(threads);
    }
    await page.getByTestId('compare-runs').fill('3');
    await runAll(page);
    const ranOn = page.getByTestId('compare-ran-on');
    await expect(ranOn.nth(0)).toHaveText('WASM ×1 · q8');
    await expect(ranOn.nth(1)).toHaveText('WASM ×2 · q8');
    // The default picture is the bundled coffee sample.
    await expect(keyOf(page, 0)).toHaveText('espresso');
    await expect(keyOf(page, 1)).toHaveText('espresso');
    await expect(page.locator('[data-testid=compare-table] tr[data-row=latency] td').first()).toHaveText(/ms|s/);
    await expect(column(page, 1).getByTestId('compare-output')).toHaveAttribute('data-differs', 'false');
  });

  test('stories260K greedy against sampling: the texts differ and the divergence is marked; the arena keeps a vote', async ({ page }) => {
    await openTask(page, 'text-generation', STORIES);
    await openCompare(page);
    await setModel(page, 0, STORIES);
    await setModel(page, 1, STORIES);
    const sampling = column(page, 1);
    await sampling.getByText('Parameters').click();
    await sampling.getByTestId('param-do_sample').check();
    await sampling.getByTestId('param-temperature').fill('1.5');
    await runAll(page);
    const greedy = await column(page, 0).getByTestId('completion').textContent();
    const sampled = await column(page, 1).getByTestId('completion').textContent();
    expect(greedy?.length).toBeGreaterThan(10);
    expect(sampled).not.toBe(greedy);
    const divergence = column(page, 1).getByTestId('compare-divergence');
    await expect(divergence).toBeVisible();
    const at = Number(await divergence.getAttribute('data-at'));
    // Everything before the mark is shared with the greedy text; the mark starts where they part.
    expect(greedy!.startsWith(sampled!.slice(0, at))).toBe(true);
    await expect(divergence.locator('mark')).toHaveText(sampled!.slice(at));
    await expect(column(page, 0).getByTestId('compare-divergence')).toHaveCount(0);
    await expect(page.locator('[data-testid=compare-table] tr[data-row=tps] td')).toHaveCount(2);

    const arena = page.getByTestId('arena');
    await expect(arena.getByTestId('tally-a')).toHaveText('0');
    await arena.getByTestId('vote-a').click();
    await expect(arena.getByTestId('tally-a')).toHaveText('1');
    await expect(arena.getByTestId('tally-b')).toHaveText('0');
    // The tally is kept: after a reload the same match-up still shows the vote.
    await page.reload();
    await openCompare(page);
    await setModel(page, 0, STORIES);
    await setModel(page, 1, STORIES);
    await column(page, 1).getByText('Parameters').click();
    await column(page, 1).getByTestId('param-do_sample').check();
    await expect(page.getByTestId('arena').getByTestId('tally-a')).toHaveText('1');
  });

  test('chat arena: two columns answer the same conversation, each cold and read-only, and a vote is kept', async ({ page }) => {
    await openTask(page, 'chat', STORIES);
    await page.getByTestId('param-do_sample').uncheck();
    await setRange(page, 'param-max_new_tokens', 24);
    // A first turn in Single: the worker now holds this model with the turn's key/value cache.
    await page.getByTestId('chat-input').fill('Once upon a time');
    await page.getByTestId('chat-input').press('Enter');
    await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'done', FIRST_CHECK);
    await expect(page.getByTestId('message-assistant')).toHaveCount(1);

    await openCompare(page);
    await setModel(page, 0, STORIES);
    await setModel(page, 1, STORIES);
    await column(page, 1).getByText('Parameters').click();
    await column(page, 1).getByTestId('param-do_sample').check();
    await page.getByTestId('compare').getByTestId('chat-input').fill('The dog ran to the park.');
    await runAll(page);
    for (const i of [0, 1]) {
      const col = column(page, i);
      await expect(col.getByTestId('compare-output')).toHaveAttribute('data-status', 'done');
      // Each column shows the conversation with its own answer to the follow-up.
      await expect(col.getByTestId('message-user')).toHaveCount(2);
      await expect(col.getByTestId('message-user').nth(1)).toHaveText(/The dog ran to the park\./);
      const reply = col.getByTestId('message-assistant').nth(1);
      expect((await reply.locator('.markdown').innerText()).trim().length).toBeGreaterThan(0);
      // Cold: the whole prompt was computed, none of it from a cache kept by the workspace or the column before.
      await expect(reply.getByTestId('message-stats')).toContainText(/\d+ prompt tokens · \d+ new · first token/);
      await expect(reply.getByTestId('message-stats')).not.toContainText('from cache');
      // Read-only: the actions that would change the shared conversation are not offered here.
      await expect(col.getByTestId('clear-chat')).toHaveCount(0);
      await expect(col.getByTestId('regenerate')).toHaveCount(0);
      await expect(col.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    }
    await expect(page.locator('[data-testid=compare-table] tr[data-row=ttft] td')).toHaveCount(2);
    await expect(page.locator('[data-testid=compare-table] tr[data-row=load] td').nth(1)).toHaveText(/\d/);

    const arena = page.getByTestId('arena');
    await expect(arena.getByTestId('tally-b')).toHaveText('0');
    await arena.getByTestId('vote-b').click();
    await expect(arena.getByTestId('tally-b')).toHaveText('1');
    await expect(arena.getByTestId('tally-a')).toHaveText('0');
  });

  test('a compare link opens the same columns in a fresh browser context', async ({ page, browser }) => {
    await openTask(page, 'text-classification', SENTIMENT);
    await openCompare(page);
    await setModel(page, 0, SENTIMENT);
    await setModel(page, 1, NLI);
    await page.getByTestId('compare-runs').fill('2');
    await page.getByTestId('share-button').click();
    const input = page.getByTestId('share-link');
    await expect(input).toHaveValue(/#s=2\./);
    const link = await input.inputValue();

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(other.getByTestId('compare')).toBeVisible(FIRST_CHECK);
    await expect(other.getByTestId('compare-column-0').getByTestId('compare-model')).toHaveValue(SENTIMENT);
    await expect(other.getByTestId('compare-column-1').getByTestId('compare-model')).toHaveValue(NLI);
    await expect(other.getByTestId('compare-runs')).toHaveValue('2');
    // The link's host is the mirror, not this browser's own: allowed first, then both columns run.
    await other.getByTestId('share-allow-host').click();
    await runAll(other);
    await expect(other.getByTestId('compare-column-0').getByTestId('compare-key-value')).toHaveText('POSITIVE');
    await expect(other.getByTestId('compare-column-1').getByTestId('compare-output')).toHaveAttribute('data-differs', 'true');
    expect(MIRROR).toContain('127.0.0.1');
    await fresh.close();
  });
});
