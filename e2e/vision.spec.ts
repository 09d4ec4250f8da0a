import { expect, test, type Page } from '@playwright/test';
import { expectRunDone, openTask, runAndWait, topLabel } from './helpers/app';

async function chooseSample(page: Page, label: string) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect(page.getByTestId('image-preview')).toHaveAttribute('src', /samples\//);
}

/** The on-screen box of a drawn detection, in the image's own pixel coordinates. */
async function boxInImagePixels(page: Page, label: string) {
  const img = page.locator('.overlay-frame img');
  const rect = page.locator(`[data-testid=detection-box][data-label="${label}"] rect`).first();
  const [imgBox, rectBox, natural] = await Promise.all([
    img.boundingBox(),
    rect.boundingBox(),
    img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight })),
  ]);
  if (!imgBox || !rectBox) throw new Error('box not rendered');
  const sx = natural.w / imgBox.width;
  const sy = natural.h / imgBox.height;
  return {
    xmin: (rectBox.x - imgBox.x) * sx,
    ymin: (rectBox.y - imgBox.y) * sy,
    xmax: (rectBox.x + rectBox.width - imgBox.x) * sx,
    ymax: (rectBox.y + rectBox.height - imgBox.y) * sy,
  };
}

function expectNear(actual: Record<string, number>, expected: Record<string, number>, tolerance: number) {
  for (const key of Object.keys(expected)) expect(Math.abs(actual[key] - expected[key]), key).toBeLessThan(tolerance);
}

test.describe('vision tasks on real models', () => {
  test('classification: espresso first on the coffee photo', async ({ page }) => {
    await openTask(page, 'image-classification', 'onnxmodelzoo/mobilenetv2-12-int8');
    await chooseSample(page, 'Coffee');
    await runAndWait(page);
    await expectRunDone(page);
    const rows = page.getByTestId('score-bars').locator('li');
    await expect(rows).toHaveCount(5);
    await expect(rows.first().locator('.score-label')).toHaveText('espresso');
    // Python's preprocessing gives espresso 0.9975 (e2e/fixtures/reference/python-outputs.json), shown as 100 %;
    // MANIFEST.md's 0.988 is Node's (sharp).
    await expect(rows.first().locator('.score-value')).toHaveText('100%');
  });

  test('classification: an image chosen from disk', async ({ page }) => {
    await openTask(page, 'image-classification', 'onnxmodelzoo/mobilenetv2-12-int8');
    await page.getByTestId('image-file').setInputFiles('public/samples/chelsea.png');
    await expect(page.getByTestId('image-preview')).toHaveAttribute('src', /^blob:/);
    await runAndWait(page);
    await expectRunDone(page);
    await expect(topLabel(page)).toHaveText('Egyptian Mau');
  });

  test('detection: a cup on the coffee photo, drawn where the model put it', async ({ page }) => {
    await openTask(page, 'object-detection', 'Megvii-BaseDetection/yolox-nano');
    await chooseSample(page, 'Coffee');
    await runAndWait(page);
    await expectRunDone(page);
    const cup = page.locator('[data-testid=detection-box][data-label=cup]');
    await expect(cup).toHaveCount(1);
    // Python's preprocessing (e2e/fixtures/reference/python-outputs.json, yolox-coffee): cup 0.899 @ [162,15,422,293].
    // MANIFEST.md's [164,16,420,295] is Node's (sharp). Measured on screen here; fidelity.spec.ts checks 1 px on the JSON.
    expectNear(await boxInImagePixels(page, 'cup'), { xmin: 162, ymin: 15, xmax: 422, ymax: 293 }, 3);

    // The threshold slider filters without re-running: above 0.9 the cup (0.90) disappears.
    await page.getByTestId('threshold').fill('0.95');
    await expect(cup).toHaveCount(0);
    await page.getByTestId('threshold').fill('0.5');
    await expect(cup).toHaveCount(1);
  });

  test('detection: a person on the astronaut photo', async ({ page }) => {
    await openTask(page, 'object-detection', 'Megvii-BaseDetection/yolox-nano');
    await chooseSample(page, 'Astronaut');
    await runAndWait(page);
    await expectRunDone(page);
    await expect(page.locator('[data-testid=detection-box][data-label=person]')).toHaveCount(1);
    // Python's preprocessing (python-outputs.json, yolox-astronaut): person 0.925 @ [11,19,368,507].
    expectNear(await boxInImagePixels(page, 'person'), { xmin: 11, ymin: 19, xmax: 368, ymax: 507 }, 3);
  });
});
