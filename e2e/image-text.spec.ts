import { expect, test, type Page } from '@playwright/test';
import { openTask, runAndWait, expectRunDone, setRange } from './helpers/app';
import { writeSmolvlmFixture } from '../scripts/make-smolvlm-fixture.mjs';

// "Ask about an image" on random-weight fixtures with the real models' ONNX contracts (generated now, never
// committed): the wiring (processor, vision encoder, merge, decoder with its cache, streaming, parsing), not words.

const SMOLVLM = 'tiny-random/smolvlm-chat';

async function ask(page: Page, question: string) {
  await page.getByTestId('vlm-question').fill(question);
  await runAndWait(page, 300_000);
  await expectRunDone(page);
}

test.describe('ask about an image', () => {
  test.beforeAll(() => {
    writeSmolvlmFixture('e2e/fixtures/models');
  });

  test('SmolVLM: a multi-turn chat about the picture streams its replies, and Stop ends one', async ({ page }) => {
    await openTask(page, 'image-text-to-text', SMOLVLM);
    await page.getByRole('button', { name: 'Coffee', exact: true }).click();
    await setRange(page, 'param-max_new_tokens', 12);
    await ask(page, 'What is in this picture?');
    const replies = page.getByTestId('message-assistant');
    await expect(replies).toHaveCount(1);
    // The fixture favours letters and space and never ends on its own: 12 byte tokens of printable text.
    await expect(replies.first().locator('.user-text')).toHaveText(/^[a-z ]{1,12}$/);
    await expect(replies.first().getByTestId('message-stats')).toContainText(/\d+ prompt tokens \(picture included\) · 12 new · first token [\d.]+ ms/);
    await expect(page.getByTestId('message-user')).toHaveText([/What is in this picture\?/]);

    // A follow-up is answered with the whole conversation (and the picture) in the prompt: more prompt tokens.
    const firstPrompt = Number((await replies.first().getByTestId('message-stats').textContent())!.match(/^(\d+)/)![1]);
    await ask(page, 'And the colours?');
    await expect(replies).toHaveCount(2);
    const secondPrompt = Number((await replies.nth(1).getByTestId('message-stats').textContent())!.match(/^(\d+)/)![1]);
    expect(secondPrompt).toBeGreaterThan(firstPrompt + 12);

    // Stop: a long reply streams in, is stopped part-way, and the model stays usable.
    await setRange(page, 'param-max_new_tokens', 1024);
    await page.getByTestId('vlm-question').fill('Tell me everything.');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('message-pending').locator('.user-text')).toHaveText(/[a-z]/);
    await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'running');
    await page.getByTestId('stop-button').click();
    await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'done');
    await expect(replies).toHaveCount(3);
    await expect(replies.nth(2)).toContainText('stopped');
    const stopped = Number((await replies.nth(2).getByTestId('message-stats').textContent())!.match(/· (\d+) new/)![1]);
    expect(stopped).toBeGreaterThan(0);
    expect(stopped).toBeLessThan(1024);

    await page.getByTestId('clear-chat').click();
    await expect(page.getByTestId('message-user')).toHaveCount(0);
  });

  test('bad input: no question, a file that is not an image; the worker recovers', async ({ page }) => {
    await openTask(page, 'image-text-to-text', SMOLVLM);
    await page.getByTestId('vlm-question').fill('   ');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('vlm-question-error')).toHaveText('Type a question about the picture first.');

    // A text file with an image name: refused next to the picture, before any run.
    await page.getByTestId('image-file').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
    await expect(page.locator('.field-error', { hasText: /image|picture|file/i }).first()).toBeVisible();

    await page.getByRole('button', { name: 'Coffee', exact: true }).click();
    await setRange(page, 'param-max_new_tokens', 4);
    await ask(page, 'What is this?');
    await expect(page.getByTestId('message-assistant')).toHaveCount(1);
  });
});
