import { expect, test, type Page } from '@playwright/test';
import { MIRROR, expectRunDone, runAndWait, topLabel } from './helpers/app';

// A phone: 390 × 844 CSS px, touch, mobile viewport handling.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const LONG_WORD = 'x'.repeat(300);

/** Nothing on the page is wider than the screen (a wider page scrolls sideways on a phone). */
async function expectNoSidewaysScroll(page: Page, when: string) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth, `page width ${when}`).toBeLessThanOrEqual(innerWidth);
}

/** Opens the app on the mirror and picks a task the way a phone user does: through the collapsed task menu. */
async function openOnPhone(page: Page, task: string, model: string) {
  await page.goto(`./?host=${encodeURIComponent(MIRROR)}`);
  const menu = page.getByTestId('task-menu-button');
  // The list is collapsed and the workspace starts in the top half of the screen, not under 22 tasks.
  await expect(menu).toBeVisible();
  await expect(page.getByTestId(`task-${task}`)).toBeHidden();
  // Polled: the first screen renders a few tasks after the load event (start-up is split into short tasks).
  await expect.poll(async () => (await page.locator('#workspace').boundingBox())?.y ?? Infinity).toBeLessThan(844 / 2);
  await menu.tap();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.getByTestId(`task-${task}`).tap();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId(`task-${task}`)).toBeHidden();
  // The chosen task's workspace is on screen and has the focus the closed menu gave up.
  await expect(page.locator('#workspace')).toBeFocused();
  await expect(page.locator('#workspace h1')).toBeInViewport({ ratio: 1 });
  await expect(menu).toContainText(await page.locator('#workspace h1').innerText());
  await page.getByTestId('model-input').fill(model);
  await expectNoSidewaysScroll(page, 'before the run');
}

/** Every visible control is a comfortable touch target. */
async function expectTouchTargets(page: Page) {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, select, input:not([type=checkbox]):not([type=radio]), summary, textarea')]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => ({ el: `${el.tagName} ${el.dataset.testid ?? el.textContent?.trim().slice(0, 30)}`, h: el.getBoundingClientRect().height }))
      .filter(({ h }) => h < 43.5),
  );
  expect(small).toEqual([]);
}

test.describe('phone layout (390 × 844)', () => {
  test.describe.configure({ timeout: 240_000 });

  test('text task: picked from the menu, run, long unbroken input and model id, touch-sized controls', async ({ page }) => {
    await openOnPhone(page, 'text-classification', 'fixtures/potion-base-4M-sentiment-anchors');
    await expectTouchTargets(page);
    await page.getByTestId('text-input').fill('I love this movie');
    await runAndWait(page, 150_000);
    await expectRunDone(page);
    await expect(topLabel(page)).toHaveText(/positive/i);
    await expectNoSidewaysScroll(page, 'after the run');

    await page.getByTestId('text-input').fill(LONG_WORD);
    await runAndWait(page);
    await expectRunDone(page);
    await expectNoSidewaysScroll(page, 'after a 300-character word');
    // A long model id (shown in the model bar and its error) wraps too.
    await page.getByTestId('model-input').fill(`fixtures/${'y'.repeat(200)}`);
    await expect(page.getByTestId('model-input')).toHaveValue(/y{200}/);
    await expectNoSidewaysScroll(page, 'with a 200-character model id');
  });

  test('translation: a long unbroken word in the text and the model input shown with the result still wraps', async ({ page }) => {
    // The tiny T5 reads at most 128 tokens: 110 characters of one "word" fit, and are ~1,000 px wide unbroken.
    await openOnPhone(page, 'translation', 'tiny-random/t5-text2text');
    await page.getByTestId('param-max_new_tokens').fill('8');
    await page.getByTestId('translate-input').fill('x'.repeat(110));
    await runAndWait(page, 150_000);
    await expectRunDone(page);
    await expect(page.getByTestId('seq2seq-text')).not.toBeEmpty();
    await expectNoSidewaysScroll(page, 'after translating a 110-character word');
  });

  test('the task menu works from the keyboard: Enter opens it on the current task, Escape closes it', async ({ page }) => {
    await page.goto(`./?host=${encodeURIComponent(MIRROR)}`);
    const menu = page.getByTestId('task-menu-button');
    await expect(menu).toHaveAccessibleName(/Task/);
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('.task-groups [aria-current=page]')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#workspace')).toBeFocused();
  });

  test('image classification: sample picture, run, results fit the screen', async ({ page }) => {
    await openOnPhone(page, 'image-classification', 'onnxmodelzoo/mobilenetv2-12-int8');
    await page.getByRole('button', { name: 'Coffee', exact: true }).tap();
    await expect(page.getByTestId('image-preview')).toHaveAttribute('src', /samples\//);
    await runAndWait(page, 150_000);
    await expectRunDone(page);
    await expect(topLabel(page)).toHaveText('espresso');
    await expectNoSidewaysScroll(page, 'after the run');
  });

  test('chat: a reply, then a 300-character word, and the page stays one screen wide', async ({ page }) => {
    await openOnPhone(page, 'chat', 'karpathy/tinyllamas-stories260K');
    await page.getByTestId('param-do_sample').uncheck();
    await page.getByTestId('param-max_new_tokens').fill('16');
    for (const text of ['Once upon a time', LONG_WORD]) {
      const before = Number(await page.getByTestId('output').getAttribute('data-run-seq'));
      await page.getByTestId('chat-input').fill(text);
      await page.getByTestId('chat-input').press('Enter');
      await expect(page.getByTestId('output')).toHaveAttribute('data-run-seq', String(before + 1), { timeout: 150_000 });
      await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
      await expectNoSidewaysScroll(page, `after sending "${text.slice(0, 20)}"`);
    }
    await expect(page.getByTestId('message-assistant')).toHaveCount(2);
    await expect(page.getByTestId('message-user').nth(1)).toContainText(LONG_WORD);
  });
});
