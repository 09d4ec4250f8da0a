import { expect, test, type Locator, type Page } from '@playwright/test';
import { openTask } from './helpers/app';

const SENTIMENT = 'fixtures/potion-base-4M-sentiment-anchors';

/** Every dialog, the button that opens it and the title it is labelled by. */
const DIALOGS = [
  { opener: 'settings-button', title: 'Settings' },
  { opener: 'models-button', title: 'Cached models' },
  { opener: 'share-button', title: 'Share this demo' },
  { opener: 'browse-models', title: 'Models for Sentiment & text classification' },
];

/** Whether the focused element is inside `dialog` (the page behind a modal dialog must never get focus). */
function focusInside(dialog: Locator): Promise<boolean> {
  return dialog.evaluate((el) => el.contains(document.activeElement) && document.activeElement !== el);
}

/** Opens a dialog the way a keyboard user does: focus its button, press Enter. */
async function openWithKeyboard(page: Page, opener: string): Promise<Locator> {
  await page.getByTestId(opener).focus();
  await page.keyboard.press('Enter');
  return page.getByRole('dialog');
}

test.describe('dialogs are modal and keyboard-friendly', () => {
  test.beforeEach(async ({ page }) => {
    await openTask(page, 'text-classification', SENTIMENT);
  });

  for (const { opener, title } of DIALOGS) {
    test(`${title}: focus moves in, Tab stays inside, Escape closes and focus returns`, async ({ page }) => {
      const dialog = await openWithKeyboard(page, opener);
      // Labelled by its title: the accessible name is the heading's text.
      await expect(page.getByRole('dialog', { name: title })).toBeVisible();
      await expect.poll(() => focusInside(dialog)).toBe(true);

      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        expect(await focusInside(dialog), `after Tab #${i + 1}`).toBe(true);
      }
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Shift+Tab');
        expect(await focusInside(dialog), `after Shift+Tab #${i + 1}`).toBe(true);
      }

      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(page.getByTestId(opener)).toBeFocused();
    });
  }

  test('a click on the backdrop closes the dialog without reaching the page behind it', async ({ page }) => {
    const dialog = await openWithKeyboard(page, 'settings-button');
    await expect(dialog).toBeVisible();
    // (5, 400) is over the task picker, behind the backdrop.
    await page.mouse.click(5, 400);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sentiment & text classification');
    await expect(page.getByTestId('settings-button')).toBeFocused();
  });

  test('closing with a button inside returns focus to the opener too', async ({ page }) => {
    const dialog = await openWithKeyboard(page, 'models-button');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByTestId('models-button')).toBeFocused();
  });
});
