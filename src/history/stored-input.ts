// Pictures in a run's input: a file the user picked lives only as a Blob and a blob: URL that dies with the page.
// The history keeps a small thumbnail always and the original up to a size cap; beyond it, the record says so.
import { isStoredImage, type StoredImage } from './record';

/** Originals larger than this are not kept (the thumbnail is). */
export const ORIGINAL_CAP_BYTES = 2_000_000;
const THUMB_SIDE = 160;

interface PickedFile {
  kind: 'file';
  name: string;
  blob: Blob;
}

const isPickedFile = (value: unknown): value is PickedFile =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'file' && (value as { blob?: unknown }).blob instanceof Blob;

async function thumbnailOf(blob: Blob): Promise<Blob | undefined> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return undefined;
  try {
    const bitmap = await createImageBitmap(blob);
    const scale = Math.min(1, THUMB_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  } catch {
    return undefined;
  }
}

async function storeImage(file: PickedFile, thumbnails: boolean): Promise<StoredImage> {
  const thumbnail = thumbnails ? await thumbnailOf(file.blob) : undefined;
  if (file.blob.size <= ORIGINAL_CAP_BYTES) return { kind: 'stored-image', name: file.name, thumbnail, original: file.blob };
  return { kind: 'stored-image', name: file.name, thumbnail, tooBig: file.blob.size };
}

// Blobs, typed arrays and buffers are data, never pictures nor objects to walk: Object.values of the ONNX lab's
// 1.2M-value feed cost the page ~20 ms a run, and a walked ArrayBuffer came out as {}.
const isData = (input: object) => input instanceof Blob || ArrayBuffer.isView(input) || input instanceof ArrayBuffer;
export const hasPictures = (input: unknown, depth = 0): boolean =>
  isPickedFile(input) || (depth <= 4 && typeof input === 'object' && input !== null && !isData(input) && Object.values(input).some((v) => hasPictures(v, depth + 1)));

/**
 * The input as kept: picked files become StoredImages (with thumbnails when asked: decoding a picture takes a
 * moment, so the sink writes the run first without them); samples and web addresses stay as they are.
 */
export async function storableInput(input: unknown, thumbnails = true, depth = 0): Promise<unknown> {
  if (isPickedFile(input)) return storeImage(input, thumbnails);
  if (depth > 4 || typeof input !== 'object' || input === null || isData(input)) return input;
  if (Array.isArray(input)) return Promise.all(input.map((v) => storableInput(v, thumbnails, depth + 1)));
  const entries = await Promise.all(Object.entries(input).map(async ([k, v]) => [k, await storableInput(v, thumbnails, depth + 1)] as const));
  return Object.fromEntries(entries);
}

/** The input as a panel edits it again: a kept picture becomes a picked file (the thumbnail when the original was too big). */
export function editableInput(input: unknown, depth = 0): unknown {
  if (isStoredImage(input)) {
    const blob = input.original ?? input.thumbnail;
    if (!blob) return undefined;
    const note = input.original ? undefined : `The original (${Math.round((input.tooBig ?? 0) / 1e5) / 10} MB) was over the history’s size cap: this is its thumbnail.`;
    return { kind: 'file', name: input.name, url: URL.createObjectURL(blob), blob, ...(note ? { note } : {}) };
  }
  if (depth > 4 || typeof input !== 'object' || input === null || isData(input)) return input;
  if (Array.isArray(input)) return input.map((v) => editableInput(v, depth + 1));
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, editableInput(v, depth + 1)]));
}
