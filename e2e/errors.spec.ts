import { expect, test } from '@playwright/test';
import { FIRST_CHECK, expectRunDone, openTask, runAndWait } from './helpers/app';

test.describe('bad input gets a clear message and the app stays usable', () => {
  test('a model id the host does not have, then a real one', async ({ page }) => {
    await openTask(page, 'text-classification', 'nobody/does-not-exist');
    await page.getByTestId('load-button').click();
    const error = page.getByTestId('load-error');
    await expect(error).toHaveAttribute('data-error-name', 'ModelNotFoundError');
    await expect(error).toContainText('has no model "nobody/does-not-exist"');
    await expect(error).toContainText('Check the spelling');
    // Said once, in the model bar next to the model field: not again in a banner below it.
    await expect(page.getByRole('region', { name: 'Model', exact: true }).getByTestId('load-error')).toBeVisible();
    await expect(page.getByText('has no model "nobody/does-not-exist"')).toHaveCount(1);
    await expect(page.getByRole('alert')).toHaveCount(1);
    await expect(page.getByTestId('load-status')).toHaveText('Not loaded: the model bar above says why.');
    // What the user typed is still there, and fixing it works.
    await expect(page.getByTestId('model-input')).toHaveValue('nobody/does-not-exist');
    await page.getByTestId('text-input').fill('I love this movie');
    await page.getByTestId('model-input').fill('fixtures/potion-base-4M-sentiment-anchors');
    await runAndWait(page);
    await expectRunDone(page);
    await expect(page.getByTestId('score-bars').locator('li').first()).toContainText('POSITIVE');
    await expect(page.getByTestId('text-input')).toHaveValue('I love this movie');
  });

  test('a repo with no ONNX weights', async ({ page }) => {
    await openTask(page, 'text-classification', 'e2e/no-onnx-weights');
    await page.getByTestId('load-button').click();
    const error = page.getByTestId('load-error');
    await expect(error).toHaveAttribute('data-error-name', 'NoOnnxWeightsError');
    await expect(error).toContainText('has no ONNX weights');
    await expect(page.getByText('has no ONNX weights')).toHaveCount(1);
    await expect(page.getByTestId('load-button')).toBeEnabled();
  });

  test('a precision the model does not ship', async ({ page }) => {
    await openTask(page, 'text-generation', 'karpathy/tinyllamas-stories260K');
    // The picker lists only what the host has for this model.
    const options = page.getByTestId('dtype-select').locator('option');
    await expect(options).toHaveText(['auto', 'fp32 (model default)']);
  });

  test('an illegal model id is flagged next to the field and cannot be loaded', async ({ page }) => {
    await openTask(page, 'text-classification', 'bad id/with spaces');
    await expect(page.getByTestId('model-id-error')).toContainText('not a valid model id');
    await expect(page.getByTestId('load-button')).toBeDisabled();
  });

  test('empty text is flagged next to the input', async ({ page }) => {
    await openTask(page, 'text-classification', 'fixtures/potion-base-4M-sentiment-anchors');
    await page.getByTestId('text-input').fill('   ');
    await page.getByTestId('run-button').click();
    await expect(page.locator('.input-pane [role=alert]')).toContainText('Type a text to classify');
    await expect(page.getByTestId('text-input')).toHaveValue('   ');
  });

  test('a text file dropped on an image task', async ({ page }) => {
    await openTask(page, 'image-classification', 'onnxmodelzoo/mobilenetv2-12-int8');
    await page.getByRole('button', { name: 'Coffee', exact: true }).click();
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['just some notes'], 'notes.txt', { type: 'text/plain' }));
      return transfer;
    });
    await page.getByTestId('image-dropzone').dispatchEvent('drop', { dataTransfer });
    await expect(page.getByTestId('image-error')).toContainText('“notes.txt” is a text/plain file, not an image');
    // The previous image is kept, and running still works.
    await expect(page.getByTestId('image-preview')).toHaveAttribute('src', /coffee\.png/);
    await runAndWait(page);
    await expectRunDone(page);
    await expect(page.getByTestId('score-bars').locator('li').first()).toContainText('espresso');
  });
});

test('the precision menu keeps its width when the model check fails', async ({ page }) => {
  await openTask(page, 'text-classification', 'fixtures/potion-base-4M-sentiment-anchors');
  const dtype = page.getByTestId('dtype-select');
  await expect(dtype.locator('option', { hasText: 'model default' })).toHaveCount(1, FIRST_CHECK);
  const width = () => dtype.evaluate((el) => el.getBoundingClientRect().width);
  const before = await width();
  await page.getByTestId('model-input').fill('nobody/does-not-exist');
  await expect(page.getByTestId('model-check-error')).toBeVisible(FIRST_CHECK);
  await expect(dtype.locator('option')).toHaveCount(1);
  expect(Math.abs((await width()) - before)).toBeLessThan(1);
});
