import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { FIRST_CHECK, MIRROR, openTask, pickTask, runAndWait, expectRunDone, setRange } from './helpers/app';
import { writeSmolvlmFixture } from '../scripts/make-smolvlm-fixture.mjs';
import { writeFlorenceFixture } from '../scripts/make-florence-fixture.mjs';

// "Ask about an image" on random-weight fixtures with the real models' ONNX contracts (generated now, never
// committed): the wiring (processor, vision encoder, merge, decoder with its cache, streaming, parsing), not words.

const SMOLVLM = 'tiny-random/smolvlm-chat';
const FLORENCE = 'tiny-random/florence2-tasks';

/** No serious or critical axe violation on the page as it is (contrast, names, labels). */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

async function ask(page: Page, question: string) {
  await page.getByTestId('vlm-question').fill(question);
  await runAndWait(page, 300_000);
  await expectRunDone(page);
}

test.describe('ask about an image', () => {
  // In the dark scheme, with results shown (the a11y spec checks the empty task page in light and dark).
  test.use({ colorScheme: 'dark' });
  test.beforeAll(() => {
    writeSmolvlmFixture('e2e/fixtures/models');
    writeFlorenceFixture('e2e/fixtures/models');
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
    await expect(replies.first().getByTestId('message-stats')).toContainText(/^\d+ prompt tokens \(picture included\) · 12 new · first token [\d.]+ ms/);
    await expect(page.getByTestId('message-user')).toHaveText([/What is in this picture\?/]);

    // A follow-up is answered with the whole conversation (and the picture) in the prompt: more prompt tokens.
    const firstPrompt = Number((await replies.first().getByTestId('message-stats').textContent())!.match(/^(\d+)/)![1]);
    await ask(page, 'And the colours?');
    await expect(replies).toHaveCount(2);
    const secondPrompt = Number((await replies.nth(1).getByTestId('message-stats').textContent())!.match(/^(\d+)/)![1]);
    expect(secondPrompt).toBeGreaterThan(firstPrompt + 12);
    // The first turn (picture included) came from the kept key/value cache: at least the whole first prompt.
    const reused = Number((await replies.nth(1).getByTestId('message-stats').textContent())!.match(/; (\d+) from cache/)![1]);
    expect(reused).toBeGreaterThanOrEqual(firstPrompt);
    expect(reused).toBeLessThan(secondPrompt);

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

    await expectAccessible(page);
    await page.getByTestId('clear-chat').click();
    await expect(page.getByTestId('message-user')).toHaveCount(0);
  });

  test('opens on the mirror’s SmolVLM fixture; bad input (no question, not an image) is refused next to it', async ({ page }) => {
    // Untouched, the task opens on a curated model the mirror has.
    await page.goto(`./?host=${encodeURIComponent(MIRROR)}`);
    await pickTask(page, 'image-text-to-text');
    await expect(page.getByTestId('model-input')).toHaveValue(SMOLVLM, FIRST_CHECK);
    await page.getByTestId('vlm-question').fill('   ');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('vlm-question-error')).toHaveText('Type a question about the picture first.');

    // A text file with an image name: refused next to the picture, before any run.
    await page.getByTestId('image-file').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
    await expect(page.getByTestId('image-error')).toContainText('notes.png');

    // An address that serves something else (a JSON file): the worker refuses it, the message sits by the picture.
    await page.getByTestId('image-url-input').fill(`${MIRROR}${SMOLVLM}/resolve/main/config.json`);
    await page.getByRole('button', { name: 'Use URL' }).click();
    await page.getByTestId('vlm-question').fill('What is this?');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('image-error')).toHaveText(/could not be decoded as an image/);
    await expect(page.getByTestId('vlm-question-error')).toHaveCount(0);

    // The worker recovers: a real picture is answered.
    await page.getByRole('button', { name: 'Coffee', exact: true }).click();
    await setRange(page, 'param-max_new_tokens', 4);
    await ask(page, 'What is this?');
    const replies = page.getByTestId('message-assistant');
    await expect(replies).toHaveCount(1);

    // Tiles: the same question with the picture also read in tiles costs more image tokens.
    const promptTokens = async (i: number) => Number((await replies.nth(i).getByTestId('message-stats').textContent())!.match(/^(\d+)/)![1]);
    await page.getByTestId('clear-chat').click();
    await page.getByTestId('param-image_splitting').check();
    await ask(page, 'What is this?');
    await expect(replies).toHaveCount(1);
    const tiled = await promptTokens(0);
    await page.getByTestId('clear-chat').click();
    await page.getByTestId('param-image_splitting').uncheck();
    await ask(page, 'What is this?');
    expect(tiled).toBeGreaterThan(await promptTokens(0));
  });

  test('Florence-2: a caption prompt gives text, an <OD> prompt gives boxes drawn on the picture', async ({ page }) => {
    await openTask(page, 'image-text-to-text', FLORENCE);
    await page.getByRole('button', { name: 'Coffee', exact: true }).click();
    // The model picks the task picker, not the chat.
    await expect(page.getByTestId('vlm-question')).toHaveCount(0);
    await page.getByTestId('florence-task').selectOption('<CAPTION>');
    await setRange(page, 'param-max_new_tokens', 10);
    await runAndWait(page, 300_000);
    await expectRunDone(page);
    await expect(page.getByTestId('florence-output')).toHaveAttribute('data-task', '<CAPTION>');
    // The fixture writes lower-case letters for a non-locating prompt; the processor strips <s> and </s>.
    await expect(page.getByTestId('florence-text-result')).toHaveText(/^[a-z ]+$/);
    await expect(page.getByTestId('florence-output')).toContainText('What does the image describe?');

    // <OD>: the fixture answers label<loc_x1><loc_y1><loc_x2><loc_y2> twice; post_process_generation parses it.
    await page.getByTestId('florence-task').selectOption('<OD>');
    await setRange(page, 'param-max_new_tokens', 32);
    await runAndWait(page, 300_000);
    await expectRunDone(page);
    const boxes = page.getByTestId('florence-box');
    await expect(boxes).toHaveCount(2);
    await expect(boxes.first()).toHaveAttribute('data-label', /^[a-z]{3}$/);
    await expect(page.getByTestId('florence-raw')).toHaveText(/<loc_\d+>/, { useInnerText: false });
    await expectAccessible(page);
    const rect = await boxes.first().locator('rect').first().boundingBox();
    expect(rect!.width).toBeGreaterThan(0);
    expect(rect!.height).toBeGreaterThan(0);

    // Grounding needs a phrase: refused next to the field, then found.
    await page.getByTestId('florence-task').selectOption('<CAPTION_TO_PHRASE_GROUNDING>');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('vlm-question-error')).toHaveText('Find phrases (grounding) needs a phrase to look for.');
    await page.getByTestId('florence-text').fill('a cup');
    await runAndWait(page, 300_000);
    await expectRunDone(page);
    await expect(page.getByTestId('florence-box')).toHaveCount(2);
  });
});
