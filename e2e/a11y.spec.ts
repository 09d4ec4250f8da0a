import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { FIRST_CHECK, expectRunDone, openTask, pickTask, runAndWait } from './helpers/app';

// axe-core checks every task page, every dialog, pages with results, at desktop and phone sizes, in light and
// dark colour schemes: no violation of impact "serious" or "critical" (contrast, names, labels, ARIA) may remain.
test.describe.configure({ timeout: 300_000 });

const SENTIMENT = 'fixtures/potion-base-4M-sentiment-anchors';
const MOBILENET = 'onnxmodelzoo/mobilenetv2-12-int8';

/** The task ids in picker order, read from the catalog itself so a new task is checked without editing this. */
const TASK_ORDER = [...readFileSync(new URL('../src/tasks/order.ts', import.meta.url), 'utf8').match(/TASK_ORDER = \[([^\]]*)\]/)![1].matchAll(/'([\w-]+)'/g)].map((m) => m[1]);

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

/** Runs axe on the page as it is now; the message names each rule and where it failed, to fix at the cause. */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`).join(' | ')}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

/** Waits until a task page has settled: its view is loaded and the model check (where there is one) has answered. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('main.workspace[aria-busy]')).toHaveCount(0);
  const hasPlan = (await page.getByTestId('browse-models').count()) > 0 && (await page.getByTestId('model-input').inputValue()) !== '';
  if (hasPlan) await expect(page.locator('[data-testid=model-plan]:not([data-status=checking])')).toBeVisible(FIRST_CHECK);
}

async function checkDialog(page: Page, opener: string, where: string): Promise<void> {
  const button = page.getByTestId(opener);
  // On a phone the opener may be scrolled away or behind a menu: focus + Enter reaches it either way.
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page, `${where}, ${opener} dialog`);
  if (opener === 'browse-models') {
    for (const tab of ['search', 'local']) {
      await page.getByTestId(`browser-tab-${tab}`).click();
      if (tab === 'search') await expect(page.getByRole('dialog').getByText(SENTIMENT).first()).toBeVisible(FIRST_CHECK);
      await expectNoSeriousViolations(page, `${where}, model browser ${tab} tab`);
    }
  }
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    test.describe(`${colorScheme}, ${size} (${viewport.width}×${viewport.height})`, () => {
      test.use({ colorScheme, viewport });

      // Every page in two setups that between them cover both themes and both sizes (the whole suite must fit CI's
      // time on 2 cores); results and dialogs in all four.
      const everyPage = (colorScheme === 'light') === (size === 'desktop');
      if (everyPage) test('every task page has no serious accessibility violation', async ({ page }) => {
        expect(TASK_ORDER).toHaveLength(25);
        await openTask(page, 'text-classification', SENTIMENT);
        await expect(page.locator('[data-testid^=task-]:not([data-testid=task-menu-button])')).toHaveCount(TASK_ORDER.length);
        for (const task of TASK_ORDER) {
          await pickTask(page, task);
          await settled(page);
          await expectNoSeriousViolations(page, `the ${task} page`);
        }
      });

      test('results and every dialog have no serious accessibility violation', async ({ page }) => {
        await openTask(page, 'text-classification', SENTIMENT);
        await settled(page);
        await runAndWait(page);
        await expectRunDone(page);
        await expectNoSeriousViolations(page, 'sentiment with its result');
        // After the run the model is cached: the Models dialog lists it in its table.
        for (const opener of ['settings-button', 'models-button', 'history-button', 'share-button', 'browse-models']) await checkDialog(page, opener, 'sentiment');

        await pickTask(page, 'image-classification');
        await page.getByTestId('model-input').fill(MOBILENET);
        await settled(page);
        await runAndWait(page, 300_000);
        await expectRunDone(page);
        await expectNoSeriousViolations(page, 'image classification with its result');
      });
    });
  }
}
