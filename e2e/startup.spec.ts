import { expect, test } from '@playwright/test';
import { FIRST_CHECK, MIRROR } from './helpers/app';
import { fontsUnder, warmFonts } from './helpers/fonts';

// index.html lays out one line of text per font weight and size the first screen uses, while the scripts are
// still downloading (`#font-warm`): on Linux each new one costs Chromium a fontconfig lookup, and without the list
// they all landed in the first render's layout, one long task. A style change that brings a new size or weight to
// the first screen must add it to the list: this test says which.

for (const viewport of [
  { width: 412, height: 823 },
  { width: 1280, height: 800 },
]) {
  test.describe(`${viewport.width} px`, () => {
    test.use({ viewport });

    test('the first screens use only fonts index.html lays out early', async ({ page }) => {
      test.setTimeout(300_000);
      for (const task of ['', 'chat', 'image-classification', 'onnx-lab', 'text-generation', 'object-detection']) {
        await page.goto(`./?host=${encodeURIComponent(MIRROR)}${task ? `&task=${task}` : ''}`);
        await expect(page.locator('#workspace h1')).toBeVisible(FIRST_CHECK);
        // The model check's plan (its file list is in a monospace font) is part of the first screen.
        if (task !== 'onnx-lab') await expect(page.locator('[data-testid=model-plan]:not([data-status=checking])')).toBeVisible(FIRST_CHECK);
        const warm = await warmFonts(page, false);
        expect(warm.size).toBeGreaterThan(5);
        const used = await fontsUnder(page, '#root');
        expect(used.length).toBeGreaterThan(3);
        expect(used.filter((font) => !warm.has(font)), `fonts on ${task || 'the first screen'} missing from #font-warm in index.html`).toEqual([]);
      }
    });
  });
}
