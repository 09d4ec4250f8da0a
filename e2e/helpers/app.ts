import { expect, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-browser.mjs';

export const MIRROR = `http://127.0.0.1:${process.env.MIRROR_PORT ?? 8089}/`;
/**
 * For a page's first model check or load: the engine initialises onnxruntime's threaded WASM as the app opens and
 * cannot answer until then, which on a busy 2-core machine can take a couple of minutes.
 */
export const FIRST_CHECK = { timeout: 150_000 };
export const SAMPLES_DIR = new URL('../../public/samples/', import.meta.url).pathname;

/** Picks a task in the task picker; on a narrow screen the picker is a menu, opened first. */
export async function pickTask(page: Page, task: string): Promise<void> {
  // The picker renders with its menu button (narrow) or without it in one go: wait for it before asking, or a
  // page still starting reads as "no menu" and the click then waits on a task button the closed menu hides.
  await expect(page.getByRole('navigation', { name: 'Tasks' })).toBeVisible(FIRST_CHECK);
  const menu = page.getByTestId('task-menu-button');
  if (await menu.isVisible()) {
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  await page.getByTestId(`task-${task}`).click();
}

/** Opens the app pointed at the local model mirror, on a task, with a model id typed in. */
export async function openTask(page: Page, task: string, model: string, query = ''): Promise<void> {
  await page.goto(`./?host=${encodeURIComponent(MIRROR)}${query}`);
  await pickTask(page, task);
  await fillModel(page, model);
  await expect(page.getByTestId('host-badge')).toContainText('127.0.0.1');
}

/**
 * Types a model id into the model field. The task's default on this host may land while the field is being filled
 * (between fill's select-all and its typing, which then appends): fill again until the field holds exactly the model.
 * Once typed, the choice is the user's and a later default leaves it alone.
 */
export async function fillModel(page: Page, model: string): Promise<void> {
  const input = page.getByTestId('model-input');
  await expect(async () => {
    await input.fill(model);
    await expect(input).toHaveValue(model, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Presses Run and waits for that run to end. The previous run's "done" stays on the page until the new run
 * starts (the model may load first), so the wait is for a new run number, or for a load error (no run starts then).
 */
export async function runAndWait(page: Page, timeout = 90_000): Promise<void> {
  const output = page.getByTestId('output');
  const before = await output.getAttribute('data-run-seq');
  await page.getByTestId('run-button').click();
  await expect(page.locator(`[data-testid=output][data-status=done]:not([data-run-seq="${before}"]), [data-testid=output][data-status=error]:not([data-run-seq="${before}"]), [data-testid=load-error]`).first()).toBeVisible({ timeout });
}

export async function expectRunDone(page: Page): Promise<void> {
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'done');
}

/** Sets a range input the way a user dragging it would (input + change events). */
export async function setRange(page: Page, testId: string, value: number): Promise<void> {
  await page.getByTestId(testId).fill(String(value));
  await expect(page.getByTestId(testId)).toHaveValue(String(value));
}

/** Launch options for a spec that needs Chromium flags beyond the project's own (for `test.use`). */
export function chromiumWith(...args: string[]) {
  return { launchOptions: { executablePath: findChromium() as string, args: [...(CHROMIUM_ARGS as string[]), ...args] } };
}

/** The label of the highest score in a score-bars result. */
export function topLabel(page: Page): Locator {
  return page.getByTestId('score-bars').locator('li').first().locator('.score-label');
}

/**
 * Generates 40 greedy tokens after "Once upon a time" on a stories260K model already picked, and checks them against
 * the continuation recorded in ../shared/models/MANIFEST.md.
 */
export async function expectGreedyStory(page: Page): Promise<void> {
  await page.getByTestId('prompt-input').fill('Once upon a time');
  await setRange(page, 'param-max_new_tokens', 40);
  await runAndWait(page);
  await expectRunDone(page);
  await expect(page.getByTestId('completion')).toHaveText(
    /^, there was a little girl named Lily\. She loved to play outside in the park\. One day, she saw a big, red ball\./,
  );
  await expect(page.getByTestId('tokens')).toHaveText('40');
}
