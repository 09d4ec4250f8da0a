// Adding pictures to the set (UI side): each file is checked to decode before it joins, a folder's other files
// are skipped by name, and the worker gets a content key per picture so its index reuses vectors.
import { readImageFile, type ImageValue } from '../../ui/kit/ImageInput/image-value';
import { MAX_PICTURES } from './gallery';

const IMAGE_NAME = /\.(png|jpe?g|webp|gif|bmp|avif)$/i;

export interface Intake {
  pictures: ImageValue[];
  /** What was left out and why, in the user's terms (shown next to the picture set). */
  problems: string[];
}

/** Files from a picked folder that look like pictures (by type or extension); the rest are only counted. */
export function picturesInFolder(files: readonly File[]): { images: File[]; skipped: string[] } {
  const images: File[] = [];
  const skipped: File[] = [];
  for (const file of files) (file.type.startsWith('image/') || IMAGE_NAME.test(file.name) ? images : skipped).push(file);
  return { images, skipped: skipped.map((file) => file.name) };
}

const sameFile = (a: ImageValue, b: { name: string; size: number }) => a.kind === 'file' && a.name === b.name && a.blob.size === b.size;

/** Reads picked files into pictures, after `existing`; files that do not decode are reported, not added. */
export async function takePictures(existing: readonly ImageValue[], files: readonly File[]): Promise<Intake> {
  const pictures: ImageValue[] = [];
  const problems: string[] = [];
  for (const file of files) {
    if (existing.length + pictures.length >= MAX_PICTURES) {
      problems.push(`Only the first ${MAX_PICTURES} pictures are kept: ${files.length - files.indexOf(file)} more were left out.`);
      break;
    }
    if ([...existing, ...pictures].some((picture) => sameFile(picture, file))) continue;
    try {
      pictures.push(await readImageFile(file));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return { pictures, problems };
}

/** A key for a picture's content (SHA-256 of its bytes), so the same picture again is not embedded again. */
export async function contentKey(blob: Blob): Promise<string> {
  const bytes = await blob.arrayBuffer();
  // crypto.subtle exists only in secure contexts (https, localhost): elsewhere a 32-bit FNV-1a and the size.
  if (!globalThis.crypto?.subtle) {
    let hash = 0x811c9dc5;
    for (const byte of new Uint8Array(bytes)) hash = Math.imul(hash ^ byte, 0x01000193);
    return `fnv-${(hash >>> 0).toString(16)}-${blob.size}`;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
