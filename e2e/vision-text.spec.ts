import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectRunDone, openTask, runAndWait } from './helpers/app';
import { writeVisionTextFixtures } from '../scripts/make-vision-text-fixtures.mjs';

// Random-weight OWL-ViT and two-tower CLIP fixtures (generated, never committed): wiring and drawing, not quality.
test.describe.configure({ timeout: 300_000 });
test.beforeAll(() => {
  writeVisionTextFixtures('e2e/fixtures/models');
});

const testImage = (name: string) => ({
  name,
  mimeType: 'image/png',
  buffer: readFileSync(`${process.env.MODELS_DIR ?? '/work/shared/models'}/test-images/${name}`),
});

test('zero-shot detection: the typed phrases label the boxes drawn; no phrase is refused next to them', async ({ page }) => {
  await openTask(page, 'zero-shot-object-detection', 'tiny-random/owlvit-zero-shot-detection');
  await page.getByTestId('clear-labels').click();
  await page.getByTestId('label-entry').fill('a red cup, a spoon');
  await page.getByTestId('label-entry').press('Enter');
  await expect(page.getByTestId('label-chip')).toHaveCount(2);
  await runAndWait(page, 240_000);
  await expectRunDone(page);
  const boxes = page.getByTestId('detection-box');
  await expect(boxes.first()).toBeVisible();
  const labels = await boxes.evaluateAll((els) => els.map((el) => el.getAttribute('data-label')));
  expect(labels.length).toBeGreaterThan(0);
  expect(new Set(labels).size).toBeLessThanOrEqual(2);
  for (const label of labels) expect(['a red cup', 'a spoon']).toContain(label);
  // Each box is drawn inside the 600×400 picture's coordinates with a non-empty size.
  const sizes = await boxes.locator('rect:first-child').evaluateAll((rects) => rects.map((r) => [Number(r.getAttribute('width')), Number(r.getAttribute('height'))]));
  for (const [w, h] of sizes) expect(w * h).toBeGreaterThan(0);
  // The slider filters without re-running: at its top, fewer (or no) boxes remain.
  const before = labels.length;
  await page.getByTestId('threshold').fill('0.99');
  await expect(page.getByTestId('detection-count')).toContainText('at or above 0.99');
  expect(await boxes.count()).toBeLessThanOrEqual(before);

  await page.getByTestId('clear-labels').click();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('labels-error')).toHaveText(/Type at least one thing to find/);
});

test('image similarity: three pictures indexed, a picture finds itself first (≈1), a text query ranks them all', async ({ page }) => {
  await openTask(page, 'image-similarity', 'tiny-random/clip-image-similarity');
  // The plan quotes what the load fetches: both CLIP towers and the tokenizer, not the whole-model file.
  const planned = page.getByTestId('plan-files');
  await expect(planned).toContainText('onnx/text_model.onnx', { timeout: 150_000 });
  await expect(planned).toContainText('onnx/vision_model.onnx');
  await expect(planned).toContainText('tokenizer.json');
  await expect(planned).not.toContainText('onnx/model.onnx');
  await page.getByTestId('clear-pictures').click();
  // No pictures: said next to the picture set.
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('gallery-error')).toContainText('Add some pictures to search first');

  // A file that is not a picture is refused next to the set; the pictures go in.
  await page.getByTestId('pictures-file').setInputFiles([
    testImage('coffee.png'),
    testImage('astronaut.png'),
    testImage('chelsea.png'),
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') },
  ]);
  await expect(page.getByTestId('gallery-item')).toHaveCount(3);
  await expect(page.getByTestId('pick-error')).toContainText('“notes.txt” is a text/plain file, not an image');

  await page.locator('[data-testid=gallery-item][data-name="astronaut.png"]').getByTestId('use-as-query').click();
  await runAndWait(page, 240_000);
  await expectRunDone(page);
  await expect(page.getByTestId('index-report')).toHaveAttribute('data-embedded', '3');
  const rows = page.getByTestId('similarity-results').locator('li');
  await expect(rows).toHaveCount(3);
  await expect(rows.first().locator('.similarity-hit')).toHaveAttribute('data-name', 'astronaut.png');
  expect(Number(await rows.first().getAttribute('data-score'))).toBeGreaterThan(0.999);
  await expect(rows.first().locator('img')).toBeVisible();

  // By text: the CLIP text tower ranks all three; the index is reused, not embedded again.
  await page.getByTestId('query-by-text').click();
  await page.getByTestId('query-text').fill('');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('query-text-error')).toContainText('Type what to look for');
  await page.getByTestId('query-text').fill('an astronaut in space');
  await runAndWait(page, 120_000);
  await expectRunDone(page);
  await expect(page.getByTestId('index-report')).toHaveAttribute('data-embedded', '0');
  await expect(page.getByTestId('index-report')).toContainText('can also search by text');
  await expect(rows).toHaveCount(3);
  const scores = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-score'))));
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  for (const score of scores) expect(Math.abs(score)).toBeLessThanOrEqual(1.0001);
  const names = await rows.locator('.similarity-hit').evaluateAll((els) => els.map((el) => el.getAttribute('data-name')));
  expect([...names].sort()).toEqual(['astronaut.png', 'chelsea.png', 'coffee.png']);

  // A folder: its pictures join, its other files are named and left out.
  const folder = mkdtempSync(path.join(tmpdir(), 'vistext-'));
  for (const name of ['coffee.png', 'chelsea.png']) copyFileSync(`${process.env.MODELS_DIR ?? '/work/shared/models'}/test-images/${name}`, path.join(folder, name));
  writeFileSync(path.join(folder, 'notes.txt'), 'not a picture');
  await page.getByTestId('clear-pictures').click();
  await page.getByTestId('pictures-folder').setInputFiles(folder);
  await expect(page.getByTestId('gallery-item')).toHaveCount(2);
  await expect(page.getByTestId('pick-error')).toHaveText('Skipped 1 file that is not a picture: notes.txt.');
});
