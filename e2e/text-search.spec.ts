import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectRunDone, openTask, runAndWait, setRange } from './helpers/app';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-b';
mkdirSync(SHOTS, { recursive: true });

const CORPUS = [
  'The stock market fell sharply today.',
  'Someone is strumming a guitar on stage.',
  'A chef is cooking pasta in a busy kitchen.',
  'A child is riding a bicycle in the park.',
  'The orchestra performed a symphony last night.',
];

/** Loads the model first: under a busy CPU a load can take a minute, more than runAndWait allows for. */
async function loadModel(page: Page): Promise<void> {
  await page.getByTestId('load-button').click();
  await expect(page.getByTestId('load-status')).toHaveAttribute('data-device', 'wasm', { timeout: 180_000 });
}

/** A full-page screenshot from the top (a sticky header would otherwise sit mid-page). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The inline message of the field that holds the given input. */
const fieldAlert = (page: Page, testId: string) => page.locator('.field', { has: page.getByTestId(testId) }).getByRole('alert');

test.describe('semantic search and recommendation on potion-base-4M', () => {
  test.describe.configure({ timeout: 240_000 });
  test('search: the guitar sentence ranks first; a second query embeds only the query', async ({ page }) => {
    await openTask(page, 'semantic-search', 'minishlab/potion-base-4M');
    // The corpus comes from an uploaded JSON file ({text} objects) and lands in the corpus box.
    await page.getByTestId('corpus-file').setInputFiles({
      name: 'corpus.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(CORPUS.map((text, id) => ({ id, text })))),
    });
    await expect(page.getByTestId('corpus-count')).toHaveText('5 documents');
    await expect(page.getByTestId('corpus-input')).toHaveValue(CORPUS.join('\n'));
    await page.getByTestId('query-input').fill('A man is playing a guitar.');
    await loadModel(page);
    await runAndWait(page);
    await expectRunDone(page);
    const hits = page.getByTestId('search-results').locator('li');
    await expect(hits).toHaveCount(5);
    await expect(hits.first()).toContainText('Someone is strumming a guitar on stage.');
    // MANIFEST.md: cos = 0.5916 for the guitar pair, 0.0456 for the stock market.
    await expect(hits.first().locator('.cos')).toHaveText('0.592');
    await expect(hits.last()).toContainText('The stock market fell sharply today.');
    await expect(page.getByTestId('embed-report')).toHaveAttribute('data-embedded', '5');
    await expect(page.getByTestId('embed-report')).toContainText('5 documents and the query');
    await shot(page, 'semantic-search');

    await page.getByTestId('query-input').fill('Prices on Wall Street dropped.');
    await runAndWait(page);
    await expectRunDone(page);
    await expect(hits.first()).toContainText('The stock market fell sharply today.');
    await expect(page.getByTestId('embed-report')).toHaveAttribute('data-embedded', '0');
    await expect(page.getByTestId('embed-report')).toContainText('the query only');

    // Top-k applies to the result at once, without another run.
    await setRange(page, 'param-top_k', 2);
    await expect(hits).toHaveCount(2);
  });

  test('recommendation: liking two space films ranks another space film above a romance', async ({ page }) => {
    await openTask(page, 'recommendation', 'minishlab/potion-base-4M');
    await page.getByTestId('clear-likes').click();
    await expect(page.getByTestId('liked-count')).toHaveText('0 liked');
    await page.getByTestId('like-interstellar').click();
    await page.getByTestId('like-the-martian').click();
    await expect(page.getByTestId('like-interstellar')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('liked-count')).toHaveText('2 liked');
    await setRange(page, 'param-top_k', 50);
    await loadModel(page);
    await runAndWait(page);
    await expectRunDone(page);
    const rows = page.getByTestId('recommendations').locator('li');
    await expect(rows).toHaveCount(38);
    const titles = await rows.locator('.ranked-title').allTextContents();
    // Checked in Node with the same model: Gravity 0.570 first; The Notebook 0.151 (14th).
    expect(titles[0]).toBe('Gravity');
    expect(titles.indexOf('Gravity')).toBeLessThan(titles.indexOf('The Notebook'));
    expect(titles).not.toContain('Interstellar');
    expect(titles).not.toContain('The Martian');
    await expect(rows.first().getByTestId('because')).toContainText('because you liked The Martian');
    await expect(page.getByTestId('embed-report')).toHaveAttribute('data-embedded', '40');
    await setRange(page, 'param-top_k', 8);
    await expect(rows).toHaveCount(8);
    await shot(page, 'recommendation');

    // Changing the likes reuses the catalog embeddings.
    await page.getByTestId('like-rocky').click();
    await runAndWait(page);
    await expectRunDone(page);
    await expect(page.getByTestId('embed-report')).toHaveAttribute('data-embedded', '0');
  });
});

test.describe('seq2seq tasks on the tiny random T5 (structure only: its text is gibberish by design)', () => {
  test.describe.configure({ timeout: 240_000 });
  test('translation: no pickers for a T5 model, streamed output and stats', async ({ page }) => {
    await openTask(page, 'translation', 'tiny-random/t5-text2text');
    await expect(page.getByTestId('language-pickers')).toHaveCount(0);
    await expect(page.getByTestId('translation-direction')).toContainText('English → German');
    await page.getByTestId('translate-input').fill('The house is small.');
    await setRange(page, 'param-max_new_tokens', 10);
    await loadModel(page);
    await runAndWait(page);
    await expectRunDone(page);
    await expect(page.getByTestId('seq2seq-text')).not.toBeEmpty();
    await expect(page.getByTestId('model-input-text')).toHaveText('translate English to German: The house is small.');
    const tokens = Number(await page.getByTestId('tokens').textContent());
    expect(tokens).toBeGreaterThan(0);
    expect(tokens).toBeLessThanOrEqual(10);
    await expect(page.getByTestId('ttft')).toContainText(/ms|s/);
    await expect(page.getByTestId('latency')).toContainText(/[\d.]+ (ms|s)/);
    await shot(page, 'translation');

    // A many-to-many model id brings the pickers (decided from the id, before any load).
    await page.getByTestId('model-input').fill('Xenova/nllb-200-distilled-600M');
    await expect(page.getByTestId('language-pickers')).toBeVisible();
    await expect(page.getByTestId('source-language')).toHaveValue('en');
    await expect(page.getByTestId('target-language')).toHaveValue('fr');
    await expect(page.getByTestId('translation-direction')).toHaveCount(0);
  });

  for (const { task, input } of [
    { task: 'summarization', input: 'summarize-input' },
    { task: 'text2text-generation', input: 'instruction-input' },
  ]) {
    test(`${task}: a non-empty output streams in, with token stats`, async ({ page }) => {
      await openTask(page, task, 'tiny-random/t5-text2text');
      await page.getByTestId(input).fill('The tower is 324 metres tall, about the same height as an 81-storey building.');
      await setRange(page, 'param-max_new_tokens', 12);
      await loadModel(page);
      await runAndWait(page);
      await expectRunDone(page);
      await expect(page.getByTestId('seq2seq-text')).not.toBeEmpty();
      const tokens = Number(await page.getByTestId('tokens').textContent());
      expect(tokens).toBeGreaterThan(0);
      expect(tokens).toBeLessThanOrEqual(12);
      await expect(page.getByTestId('tokens-per-second')).toContainText(/tok\/s/);
      await shot(page, task);
    });
  }
});

test.describe('bad input gets a message next to the input, and the typed text stays', () => {
  test('search: empty corpus, empty query, too many documents', async ({ page }) => {
    await openTask(page, 'semantic-search', 'minishlab/potion-base-4M');
    await page.getByTestId('corpus-input').fill('');
    await page.getByTestId('query-input').fill('guitar music');
    await page.getByTestId('run-button').click();
    await expect(fieldAlert(page, 'corpus-input')).toContainText('The corpus is empty');
    await expect(page.getByTestId('query-input')).toHaveValue('guitar music');
    // Checked before loading anything.
    await expect(page.getByTestId('ran-on')).toHaveCount(0);

    await page.getByTestId('corpus-input').fill('One document.\nAnother document.');
    await page.getByTestId('query-input').fill('   ');
    await page.getByTestId('run-button').click();
    await expect(fieldAlert(page, 'query-input')).toContainText('Type a query');
    await expect(fieldAlert(page, 'corpus-input')).toHaveCount(0);
    await expect(page.getByTestId('corpus-input')).toHaveValue('One document.\nAnother document.');

    // A big corpus comes from a file (typing 5,001 lines with fill() would take minutes).
    await page.getByTestId('corpus-file').setInputFiles({
      name: 'big.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(Array.from({ length: 5001 }, (_, i) => `Document ${i}`).join('\n')),
    });
    await expect(page.getByTestId('corpus-count')).toHaveText('5,001 documents');
    await page.getByTestId('query-input').fill('document');
    await page.getByTestId('run-button').click();
    await expect(fieldAlert(page, 'corpus-input')).toContainText('5,001 documents; the limit is 5,000');
  });

  test('recommendation: no liked items', async ({ page }) => {
    await openTask(page, 'recommendation', 'minishlab/potion-base-4M');
    await page.getByTestId('catalog-custom').click();
    await page.getByTestId('catalog-input').fill('Dune — A desert planet epic.\nEmma — A matchmaker meddles.');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('liked-error')).toHaveText('Like at least one item.');
    await expect(page.getByTestId('catalog-input')).toHaveValue('Dune — A desert planet epic.\nEmma — A matchmaker meddles.');
    await expect(page.getByTestId('catalog-list').locator('li')).toHaveCount(2);
    await page.getByTestId('like-custom-dune').click();
    await expect(page.getByTestId('liked-count')).toHaveText('1 liked');
  });
});
