import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectRunDone, openTask, runAndWait, topLabel } from './helpers/app';

// Every task's finished result can be copied or downloaded as JSON (issue 5).
test.describe('result export', () => {
  test('sentiment: Download JSON and Copy JSON hold the labels shown, the model and the input', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openTask(page, 'text-classification', 'fixtures/potion-base-4M-sentiment-anchors');
    await expect(page.getByTestId('result-export')).toHaveCount(0);
    await page.getByTestId('text-input').fill('I love this movie');
    await runAndWait(page);
    await expectRunDone(page);
    const shownTop = await topLabel(page).textContent();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
    expect(download.suggestedFilename()).toMatch(/^text-classification_fixtures-potion-base-4M-sentiment-anchors_[\dT-]+\.json$/);
    const doc = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(doc).toMatchObject({ app: 'model-playground', task: 'text-classification', model: 'fixtures/potion-base-4M-sentiment-anchors', device: 'wasm', input: 'I love this movie' });
    expect(doc.output[0].label).toBe(shownTop);
    expect(doc.output[0].label).toBe('POSITIVE');
    expect(doc.output[0].score).toBeGreaterThan(0.5);
    expect(doc.stats.latencyMs).toBeGreaterThan(0);

    await page.getByTestId('copy-json').click();
    await expect(page.getByTestId('result-export')).toContainText('Copied');
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.output).toEqual(doc.output);
    expect(copied.input).toBe('I love this movie');
  });

  test('classification of a picked file: the image is described by name and size, never inlined', async ({ page }) => {
    await openTask(page, 'image-classification', 'onnxmodelzoo/mobilenetv2-12-int8');
    await page.getByTestId('image-file').setInputFiles('public/samples/chelsea.png');
    await runAndWait(page);
    await expectRunDone(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
    const text = await readFile((await download.path())!, 'utf8');
    const doc = JSON.parse(text);
    expect(doc.input).toMatchObject({ kind: 'file', name: 'chelsea.png', blob: { binary: true, type: 'image/png' } });
    expect(doc.input.blob.bytes).toBeGreaterThan(1000);
    expect(text).not.toContain('blob:');
    expect(doc.output.length).toBeGreaterThan(0);
    const shownTop = await topLabel(page).textContent();
    expect(doc.output[0].label).toBe(shownTop);
  });
});
