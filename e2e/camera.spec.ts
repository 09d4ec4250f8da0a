import { expect, test } from '@playwright/test';
import { chromiumWith, openTask } from './helpers/app';

// Chromium's fake camera (an animated test pattern) with the permission prompt auto-accepted
// (../shared/PLATFORM.md, trap 6).
test.use(chromiumWith('--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'));

async function framesDone(page: import('@playwright/test').Page) {
  return Number(await page.getByTestId('camera-frames').getAttribute('data-frames'));
}

test.describe('live camera input', () => {
  test.describe.configure({ timeout: 360_000 });
  test('object detection runs continuously on the camera with an fps readout', async ({ page }) => {
    await openTask(page, 'object-detection', 'Megvii-BaseDetection/yolox-nano');
    await page.getByTestId('source-camera').click();
    await page.getByTestId('camera-start').click();
    await expect(page.getByTestId('live-camera')).toHaveAttribute('data-status', 'live');
    await expect.poll(() => framesDone(page), { timeout: 300_000 }).toBeGreaterThanOrEqual(3);
    const fps = Number(await page.getByTestId('camera-fps').getAttribute('data-fps'));
    expect(fps).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('camera-fps').textContent())).toBeGreaterThan(0);
    // The overlay has the frame's size, and the summary speaks about the last frame.
    const overlay = await page.getByTestId('camera-overlay').evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    expect(overlay[0]).toBeGreaterThan(0);
    expect(overlay[1]).toBeGreaterThan(0);
    await expect(page.getByTestId('camera-detections')).toHaveAttribute('data-count', /\d+/);
    // The model was loaded on the way, like a normal run.
    await expect(page.getByTestId('load-status')).toHaveAttribute('data-device', /wasm|webgpu/);

    await page.getByTestId('camera-stop').click();
    await expect(page.getByTestId('live-camera')).toHaveAttribute('data-status', 'off');
    const stoppedAt = await framesDone(page);
    await page.waitForTimeout(1500);
    expect(await framesDone(page)).toBe(stoppedAt);
    expect(await page.getByTestId('camera-video').evaluate((v: HTMLVideoElement) => v.srcObject)).toBeNull();
  });

  test('image classification labels camera frames, and a frame can be kept as the picture', async ({ page }) => {
    await openTask(page, 'image-classification', 'onnxmodelzoo/mobilenetv2-12-int8');
    await page.getByTestId('source-camera').click();
    await page.getByTestId('camera-start').click();
    await expect.poll(() => framesDone(page), { timeout: 300_000 }).toBeGreaterThanOrEqual(3);
    expect(Number(await page.getByTestId('camera-fps').getAttribute('data-fps'))).toBeGreaterThan(0);
    const rows = page.getByTestId('camera-scores').locator('li');
    await expect(rows).toHaveCount(3);
    await expect(rows.first().locator('.score-label')).not.toBeEmpty();
    // The banner is drawn on the overlay: some pixels are painted.
    const painted = await page.getByTestId('camera-overlay').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, 40).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n += 1;
      return n;
    });
    expect(painted).toBeGreaterThan(0);

    await page.getByTestId('camera-snapshot').click();
    await expect(page.getByTestId('image-preview')).toHaveAttribute('src', /^blob:/);
    await expect(page.getByTestId('source-image')).toHaveAttribute('aria-pressed', 'true');
  });
});
