import { RawImage } from '@huggingface/transformers';
import { InvalidInputError } from '../../protocol/errors';

export function requireText(value: unknown, what = 'text'): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidInputError(`The ${what} is empty.`, `Type some ${what} first.`);
  }
  return value;
}

export interface ImageInput {
  image: Blob;
  name?: string;
}

/** Decodes the image the UI sent; a file that is not an image gets a clear message. */
export function requireImage(value: Partial<ImageInput> | undefined): Promise<RawImage> {
  return decodeImageBlob(value?.image, decodeStraight);
}

/**
 * The file's own 8-bit values, as Pillow reads them: no colour-profile or gamma conversion and no
 * premultiplied alpha (RawImage.fromBlob uses the browser's defaults, which apply both). The 2D canvas
 * stores premultiplied pixels, so a half-transparent pixel can still lose a level; opaque ones are exact.
 */
async function decodeStraight(blob: Blob): Promise<RawImage> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return RawImage.fromBlob(blob);
  const bitmap = await createImageBitmap(blob, { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
  try {
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d', { colorSpace: 'srgb', willReadFrequently: true });
    if (!ctx) throw new Error('No 2D context for decoding.');
    ctx.drawImage(bitmap, 0, 0);
    return new RawImage(ctx.getImageData(0, 0, bitmap.width, bitmap.height).data, bitmap.width, bitmap.height, 4);
  } finally {
    bitmap.close();
  }
}

/** Decodes an image blob with `decode`; no blob, or one that is not an image, gets a clear message. */
export async function decodeImageBlob<T>(blob: unknown, decode: (blob: Blob) => Promise<T>): Promise<T> {
  if (!(blob instanceof Blob)) throw new InvalidInputError('No image was given.', 'Pick, drop or paste an image.');
  try {
    return await decode(blob);
  } catch {
    throw new InvalidInputError(
      `This file could not be decoded as an image${blob.type ? ` (type ${blob.type})` : ''}.`,
      'Use a PNG, JPEG, WebP or GIF image.',
    );
  }
}

/** A small grey image for warm-up runs. */
export function warmupImage(size = 32): RawImage {
  return new RawImage(new Uint8ClampedArray(size * size * 3).fill(128), size, size, 3);
}

/**
 * Background-removal models (IS-Net, MODNet, BiRefNet, BEN) always run at a fixed size (1024² for
 * IS-Net), whatever the input: a warm-up would cost as much as a real run, so they skip it.
 */
/** What runsAtFixedSize reads of a pipeline. */
export interface FixedSizeInfo {
  model?: { config?: { model_type?: string } };
}

export function runsAtFixedSize(pipe: FixedSizeInfo): boolean {
  const type = pipe.model?.config?.model_type;
  return type !== undefined && ['isnet', 'modnet', 'birefnet', 'ben'].includes(type);
}
