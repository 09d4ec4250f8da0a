import { expect, test, type Page } from '@playwright/test';
import { MIRROR } from './helpers/app';

const DARK_BG = 'rgb(15, 17, 23)';
const LIGHT_BG = 'rgb(246, 247, 251)';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

async function chooseTheme(page: Page, label: 'System (follow the device)' | 'Light' | 'Dark') {
  await page.getByTestId('settings-button').click();
  await page.getByTestId('theme-select').selectOption({ label });
  await page.getByTestId('settings-save').click();
}

test.describe('theme', () => {
  test.use({ colorScheme: 'dark' });

  test('follows a dark system, Light in Settings sticks across a reload and is there before the first render, System follows again', async ({ page }) => {
    // Records the theme on <html> at the moment React first puts something in #root.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const root = document.getElementById('root');
        if (root?.firstChild) {
          document.documentElement.setAttribute('data-theme-at-first-render', document.documentElement.dataset.theme ?? 'none');
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`./?host=${encodeURIComponent(MIRROR)}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background(page)).toBe(DARK_BG);
    // Form controls and scrollbars follow too.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');

    await chooseTheme(page, 'Light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await background(page)).toBe(LIGHT_BG);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme-at-first-render', 'light');
    expect(await background(page)).toBe(LIGHT_BG);
    await page.getByTestId('settings-button').click();
    await expect(page.getByTestId('theme-select')).toHaveValue('light');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await chooseTheme(page, 'System (follow the device)');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // System keeps following the device while the page is open.
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await background(page)).toBe(LIGHT_BG);
  });

  test('Dark in Settings wins over a light system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`./?host=${encodeURIComponent(MIRROR)}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await chooseTheme(page, 'Dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background(page)).toBe(DARK_BG);
  });
});

test('offline indicator: shown in the top bar while offline, gone when back online', async ({ page, context }) => {
  await page.goto(`./?host=${encodeURIComponent(MIRROR)}`);
  const status = page.getByTestId('offline-status');
  await expect(status).toHaveAttribute('role', 'status');
  await expect(page.getByTestId('offline-badge')).toHaveCount(0);
  await context.setOffline(true);
  await expect(page.getByTestId('offline-badge')).toBeVisible();
  await expect(status).toHaveText('Offline — cached models still run');
  await expect(page.locator('.topbar').getByTestId('offline-badge')).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId('offline-badge')).toHaveCount(0);
});

test.describe('reduced motion', () => {
  test('a system asking for less motion stills the spinner and the streaming caret; others keep them moving', async ({ page }) => {
    await page.goto(`./?host=${encodeURIComponent(MIRROR)}`);
    const animations = () =>
      page.evaluate(() =>
        ['spinner', 'caret'].map((name) => {
          const probe = document.createElement('span');
          probe.className = name;
          document.body.append(probe);
          const animation = getComputedStyle(probe).animationName;
          probe.remove();
          return animation;
        }),
      );
    expect(await animations()).toEqual(['spin', 'blink']);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animations()).toEqual(['none', 'none']);
  });
});
