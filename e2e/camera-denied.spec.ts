import { expect, test } from '@playwright/test';
import { chromiumWith, openTask } from './helpers/app';

// A fake camera exists, but the permission prompt is answered "Block".
test.use(chromiumWith('--use-fake-device-for-media-stream', '--deny-permission-prompts'));

test('a denied camera permission says so and how to fix it; pictures still work', async ({ page }) => {
  await openTask(page, 'object-detection', 'Megvii-BaseDetection/yolox-nano');
  await page.getByTestId('source-camera').click();
  await page.getByTestId('camera-start').click();
  await expect(page.getByTestId('camera-error')).toHaveText(/Camera access was denied\. Allow the camera for this site/);
  await expect(page.getByTestId('live-camera')).toHaveAttribute('data-status', 'off');
  await expect(page.getByTestId('camera-start')).toBeEnabled();
  await page.getByTestId('source-image').click();
  await expect(page.getByTestId('image-preview')).toBeVisible();
});
