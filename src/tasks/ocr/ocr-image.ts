// Pixel work for OCR in the worker: decode, resize on an OffscreenCanvas, and pack CHW float tensors.
import { decodeImageBlob } from '../shared/worker-input';
import type { Rect } from './db-boxes';

export function decodeImage(blob: unknown): Promise<ImageBitmap> {
  return decodeImageBlob(blob, (image) => createImageBitmap(image));
}

/** RGBA pixels of a region of the source, drawn (bilinear) into width × height. */
export function pixels(source: ImageBitmap, region: Rect, width: number, height: number): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, region.x0, region.y0, region.x1 - region.x0, region.y1 - region.y0, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height).data;
}

/**
 * Packs RGBA into a [3, height, tensorWidth] float tensor in BGR order (PaddleOCR reads images with OpenCV),
 * normalised per channel; columns past `width` stay 0 (PaddleOCR's right padding).
 */
export function toBgrChw(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
  mean: readonly number[],
  std: readonly number[],
  tensorWidth = width,
): Float32Array {
  const plane = height * tensorWidth;
  const out = new Float32Array(3 * plane);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const o = y * tensorWidth + x;
      for (let c = 0; c < 3; c++) out[c * plane + o] = (rgba[i + 2 - c] / 255 - mean[c]) / std[c];
    }
  }
  return out;
}
