import { expect, test, type Page } from '@playwright/test';
import { expectRunDone, openTask, runAndWait, setRange } from './helpers/app';

// Zero-shot runs on a real (derived) fixture with known outputs (../shared/models/MODELS.md). The other three use
// tiny random-weight models (../shared/models/tiny-random/README.md): their outputs mean nothing, so only the
// structure of what the page shows is checked. SHOTS_DIR=<dir> saves a screenshot of each task's output.
const SHOTS_DIR = process.env.SHOTS_DIR;

async function screenshot(page: Page, task: string): Promise<void> {
  if (!SHOTS_DIR) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS_DIR}/${task}.png`, fullPage: true });
}

/** The percentages ScoreBars shows, as fractions, top first. */
async function shownScores(page: Page): Promise<number[]> {
  const texts = await page.getByTestId('score-bars').locator('.score-value').allTextContents();
  return texts.map((text) => Number(text.replace('%', '')) / 100);
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

async function setLabels(page: Page, entry: string): Promise<void> {
  await page.getByTestId('clear-labels').click();
  await expect(page.getByTestId('label-chip')).toHaveCount(0);
  await page.getByTestId('label-entry').fill(entry);
  await page.getByTestId('label-entry').press('Enter');
}

test.describe('text tasks: zero-shot, NER, fill-mask, QA', () => {
  test('zero-shot: politics first; multi-label gives independent scores', async ({ page }) => {
    await openTask(page, 'zero-shot-classification', 'fixtures/potion-base-4M-zeroshot-nli');
    await page.getByTestId('text-input').fill('Who are you voting for in the next election?');
    await setLabels(page, 'politics, business, sports');
    await expect(page.getByTestId('label-chip')).toHaveText(['politics×', 'business×', 'sports×']);
    await runAndWait(page);
    await expectRunDone(page);
    const labels = page.getByTestId('score-bars').locator('.score-label');
    await expect(labels).toHaveText(['politics', 'business', 'sports']);
    await expect(page.getByTestId('zero-shot-output')).toHaveAttribute('data-independent', 'false');
    expect(sum(await shownScores(page))).toBeCloseTo(1, 1);
    await screenshot(page, 'zero-shot-classification');

    // A fourth label from the quick entry, scored with multi_label: each label on its own.
    await page.getByTestId('label-entry').fill('election');
    await page.getByTestId('add-labels').click();
    await expect(page.getByTestId('label-chip')).toHaveCount(4);
    await page.getByTestId('param-multi_label').check();
    await runAndWait(page);
    await expectRunDone(page);
    await expect(page.getByTestId('zero-shot-output')).toHaveAttribute('data-independent', 'true');
    await expect(labels).toHaveCount(4);
    const scores = await shownScores(page);
    for (const score of scores) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    // MODELS.md fixture: "election" and "politics" both entail the text, so the independent scores sum past 1.
    expect(sum(scores)).toBeGreaterThan(1.5);
    await expect(labels.nth(0)).toHaveText(/election|politics/);
    await expect(labels.nth(1)).toHaveText(/election|politics/);
  });

  test('NER: highlighted spans are parts of the text, typed from the model labels', async ({ page }) => {
    const text = 'My name is Sarah and I live in London';
    await openTask(page, 'token-classification', 'tiny-random/bert-token-classification');
    await page.getByTestId('text-input').fill(text);
    await runAndWait(page);
    await expectRunDone(page);
    const types = ['PER', 'ORG', 'LOC'];
    await expect(page.getByTestId('entity-legend').locator('li')).toHaveText(types.map((t) => new RegExp(`^${t}`)));
    const spans = page.getByTestId('ner-text').getByTestId('entity');
    expect(await spans.count()).toBeGreaterThan(0);
    for (const span of await spans.all()) {
      expect(text).toContain(await span.locator('.entity-text').textContent());
      expect(types).toContain(await span.getAttribute('data-type'));
      await expect(span).toHaveAttribute('title', /^(PER|ORG|LOC)\b.* · [\d.]+%$/);
    }
    // Without the type tags, the highlighted text reads exactly as typed.
    const plain = await page.getByTestId('ner-text').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.entity-tag').forEach((tag) => tag.remove());
      return copy.textContent;
    });
    expect(plain).toBe(text);
    const rows = page.getByTestId('entity-row');
    await expect(rows).toHaveCount(await spans.count());
    for (const row of await rows.all()) {
      expect(types).toContain(await row.getAttribute('data-type'));
      await expect(row.locator('td').nth(2)).toHaveText(/^[\d.]+%$/);
    }
    await screenshot(page, 'token-classification');
  });

  test('fill-mask: top-k sentences with the prediction in place of [MASK] or <mask>', async ({ page }) => {
    await openTask(page, 'fill-mask', 'tiny-random/bert-fill-mask');
    await page.getByTestId('text-input').fill('The goal of life is [MASK].');
    await setRange(page, 'param-top_k', 3);
    await runAndWait(page);
    await expectRunDone(page);
    await expect(page.getByTestId('mask-token')).toContainText('[MASK]');
    const predictions = page.getByTestId('prediction');
    await expect(predictions).toHaveCount(3);
    for (const prediction of await predictions.all()) {
      await expect(prediction.locator('.fill-sentence')).toHaveText(/^The goal of life is .+\.$/);
      await expect(prediction.getByTestId('fill-token')).not.toBeEmpty();
      await expect(prediction.locator('.score-value')).toHaveText(/^[\d.]+%$/);
    }
    await screenshot(page, 'fill-mask');

    // RoBERTa's spelling works too: the worker swaps in the model's own [MASK].
    await page.getByTestId('text-input').fill('Paris is the <mask> of France.');
    await setRange(page, 'param-top_k', 5);
    await runAndWait(page);
    await expectRunDone(page);
    await expect(predictions).toHaveCount(5);
    for (const prediction of await predictions.all()) {
      await expect(prediction.locator('.fill-sentence')).toHaveText(/^Paris is the .+ of France\.$/);
    }
  });

  test('QA: an answer with a score, highlighted in the context or said to be missing', async ({ page }) => {
    const context = 'My name is Wolfgang and I live in Berlin.';
    await openTask(page, 'question-answering', 'tiny-random/bert-question-answering');
    await page.getByTestId('context-input').fill(context);
    await page.getByTestId('question-input').fill('Where does Wolfgang live?');
    await runAndWait(page);
    await expectRunDone(page);
    await expect(page.getByTestId('answer')).not.toBeEmpty();
    await expect(page.getByTestId('answer-score')).toHaveText(/^[\d.]+%$/);
    expect(Number(await page.getByTestId('answer-score').getAttribute('data-score'))).toBeGreaterThanOrEqual(0);
    await expect(page.getByTestId('qa-context')).toHaveText(context);
    const highlight = page.getByTestId('answer-highlight');
    if ((await highlight.count()) > 0) {
      expect(context.toLowerCase()).toContain((await highlight.textContent())!.toLowerCase());
      await expect(page.getByTestId('answer-not-located')).toHaveCount(0);
    } else {
      await expect(page.getByTestId('answer-not-located')).toContainText('could not be located');
    }
    await screenshot(page, 'question-answering');
  });
});

test.describe('text tasks: bad input is flagged next to the input and kept', () => {
  const inputAlert = (page: Page) => page.locator('.input-pane [role=alert]');

  test('zero-shot: empty text, then no candidate labels', async ({ page }) => {
    await openTask(page, 'zero-shot-classification', 'fixtures/potion-base-4M-zeroshot-nli');
    await page.getByTestId('text-input').fill('  ');
    await page.getByTestId('run-button').click();
    await expect(inputAlert(page)).toHaveText('Type a text to classify.');
    await expect(page.getByTestId('text-input')).toHaveValue('  ');

    await page.getByTestId('text-input').fill('The striker scored twice in the second half.');
    const chips = page.getByTestId('label-chip');
    while ((await chips.count()) > 0) await chips.first().getByTestId('remove-label').click();
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('labels-error')).toHaveText('Add at least one candidate label.');
    await expect(inputAlert(page)).toHaveCount(1);
    await expect(page.getByTestId('text-input')).toHaveValue('The striker scored twice in the second half.');
    await expect(page.getByTestId('output')).not.toHaveAttribute('data-status', 'done');
  });

  test('NER: empty text', async ({ page }) => {
    await openTask(page, 'token-classification', 'tiny-random/bert-token-classification');
    await page.getByTestId('text-input').fill('');
    await page.getByTestId('run-button').click();
    await expect(inputAlert(page)).toHaveText('Type a text to find entities in.');
    await expect(page.getByTestId('text-input')).toHaveValue('');
  });

  test('fill-mask: a text without a mask token', async ({ page }) => {
    await openTask(page, 'fill-mask', 'tiny-random/bert-fill-mask');
    await page.getByTestId('text-input').fill('Paris is the capital of France.');
    await page.getByTestId('run-button').click();
    await expect(inputAlert(page)).toContainText('no mask token');
    await expect(inputAlert(page)).toContainText('[MASK]');
    await expect(page.getByTestId('text-input')).toHaveValue('Paris is the capital of France.');
  });

  test('QA: a question with no context', async ({ page }) => {
    await openTask(page, 'question-answering', 'tiny-random/bert-question-answering');
    await page.getByTestId('context-input').fill('');
    await page.getByTestId('question-input').fill('Where does Wolfgang live?');
    await page.getByTestId('run-button').click();
    await expect(inputAlert(page)).toHaveText('Paste a context for the question to be answered from.');
    await expect(page.getByTestId('context-input')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('question-input')).toHaveValue('Where does Wolfgang live?');
  });

  test('NER and QA: a text longer than the model’s context is refused with the numbers, and kept', async ({ page }) => {
    // tiny-random/bert-* read at most 128 tokens (max_position_embeddings / model_max_length).
    const long = 'Wolfgang lives in Berlin and works in Paris. '.repeat(30).trim();
    await openTask(page, 'token-classification', 'tiny-random/bert-token-classification');
    await page.getByTestId('text-input').fill(long);
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'error', { timeout: 90_000 });
    await expect(inputAlert(page)).toContainText(/The text is \d+ tokens; this model reads at most 128\./);
    await expect(inputAlert(page)).toContainText('Shorten the text');
    await expect(page.getByTestId('text-input')).toHaveValue(long);
    // A short text then runs on the same loaded model.
    await page.getByTestId('text-input').fill('Wolfgang lives in Berlin.');
    await runAndWait(page);
    await expectRunDone(page);

    await page.getByTestId('task-question-answering').click();
    await page.getByTestId('model-input').fill('tiny-random/bert-question-answering');
    await page.getByTestId('context-input').fill(long);
    await page.getByTestId('question-input').fill('Where does Wolfgang live?');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'error', { timeout: 90_000 });
    await expect(inputAlert(page)).toContainText(/The context is \d+ tokens; this model reads at most \d+ here \(of its 128\)\./);
    await expect(page.getByTestId('context-input')).toHaveValue(long);
  });
});
