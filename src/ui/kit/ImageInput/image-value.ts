export type ImageValue =
  | { kind: 'sample'; name: string; url: string }
  /** An image on the web, by address (what share links carry instead of pixels). */
  | { kind: 'url'; name: string; url: string }
  | {
      kind: 'file';
      name: string;
      url: string;
      blob: Blob;
      /** Said next to the preview when the file was changed on intake (e.g. downscaled). */
      note?: string;
    };

/**
 * Every bundled picture any task starts with: a task's default sample must be here, or it cannot be picked
 * again after another image (OCR's menu was missing) and a share link to it is dropped as unknown.
 */
export const SAMPLE_IMAGES: { name: string; label: string }[] = [
  { name: 'coffee.png', label: 'Coffee' },
  { name: 'astronaut.png', label: 'Astronaut' },
  { name: 'chelsea.png', label: 'Cat' },
  { name: 'cafe-menu.png', label: 'Menu' },
];

/** Longest side, in pixels, above which a picked image is downscaled before anything else sees it. */
export const MAX_IMAGE_SIDE = 4096;
/** Longest side it is downscaled to: every vision model here resizes to 1024 px or less anyway. */
export const DOWNSCALED_SIDE = 2048;

export function sampleImage(name: string): ImageValue {
  return { kind: 'sample', name, url: `${import.meta.env.BASE_URL}samples/${name}` };
}

export function urlImage(url: string): ImageValue {
  const parsed = new URL(url);
  const last = parsed.pathname.split('/').filter(Boolean).pop() ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // a malformed escape: show it as written
  }
  name ||= parsed.host;
  return { kind: 'url', name: name.slice(0, 80), url };
}

/** The size to downscale to, or undefined when the image is small enough as it is. */
export function downscaledSize(width: number, height: number): { width: number; height: number } | undefined {
  const longest = Math.max(width, height);
  if (longest <= MAX_IMAGE_SIDE) return undefined;
  const scale = DOWNSCALED_SIDE / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|pdf))/;

/** True when the bytes read as plain text (no control characters other than tab and line breaks). */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  for (const b of bytes) if (b < 9 || (b > 13 && b < 32) || b === 127) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    // A multi-byte character cut at the end of the sample is still text.
    return bytes.length >= 512;
  }
}

/** Why a file that did not decode is not usable, in the user's terms. */
export function undecodableMessage(name: string, type: string, text = false): string {
  if (text && type.startsWith('image/')) {
    return `“${name}” contains text, not picture data, although its name says ${type.slice(6).toUpperCase()}. Choose a real PNG, JPEG, WebP or GIF picture.`;
  }
  if (text || TEXT_TYPES.test(type) || /\.(txt|md|csv|json|xml|html?|js|ts|pdf)$/i.test(name)) {
    return `“${name}” is a ${type || 'text'} file, not an image. Choose a PNG, JPEG, WebP or GIF picture.`;
  }
  if (type.startsWith('image/')) {
    return `“${name}” could not be decoded: the ${type.slice(6).toUpperCase()} data looks damaged or incomplete. Try another copy of the picture.`;
  }
  const kind = type ? ` (${type})` : '';
  return `“${name}”${kind} is not an image this browser can read. Use a PNG, JPEG, WebP or GIF.`;
}

async function downscale(file: Blob, size: { width: number; height: number }): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' });
  const canvas = new OffscreenCanvas(size.width, size.height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
}

/**
 * Checks that a dropped or picked file really decodes as an image, so a bad file never replaces a
 * good one, and downscales a huge one (saying so) so neither the page nor the model runs out of memory.
 */
export async function readImageFile(file: Blob & { name?: string }): Promise<ImageValue> {
  const name = file.name ?? 'pasted image';
  let width: number;
  let height: number;
  try {
    const bitmap = await createImageBitmap(file);
    ({ width, height } = bitmap);
    bitmap.close();
  } catch {
    const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
    throw new Error(undecodableMessage(name, file.type, looksLikeText(head)));
  }
  const target = downscaledSize(width, height);
  if (!target) return { kind: 'file', name, blob: file, url: URL.createObjectURL(file) };
  let blob: Blob;
  try {
    blob = await downscale(file, target);
  } catch {
    throw new Error(`“${name}” is ${width}×${height} pixels, too large for this browser to process. Use a smaller picture.`);
  }
  const note = `Downscaled from ${width}×${height} to ${target.width}×${target.height} pixels (the limit is ${MAX_IMAGE_SIDE} px a side).`;
  return { kind: 'file', name, blob, url: URL.createObjectURL(blob), note };
}

/** What the worker receives: the image bytes, never a URL it would have to fetch. */
export async function imagePayload(value: ImageValue | undefined): Promise<{ image: Blob; name: string } | undefined> {
  if (!value) return undefined;
  if (value.kind === 'file') return { image: value.blob, name: value.name };
  const response = await fetch(value.url).catch(() => undefined);
  const what = value.kind === 'url' ? `the image at ${value.url}` : `the sample image ${value.name}`;
  if (!response?.ok) throw new Error(`Could not load ${what}${response ? ` (HTTP ${response.status})` : ''}. Check the address, or that its server allows other sites to use it (CORS).`);
  return { image: await response.blob(), name: value.name };
}
