export type ImageValue =
  | { kind: 'sample'; name: string; url: string }
  /** An image on the web, by address (what share links carry instead of pixels). */
  | { kind: 'url'; name: string; url: string }
  | { kind: 'file'; name: string; url: string; blob: Blob; note?: string };

/** Longest side kept for picked images; larger ones are downscaled in the page first (decoding huge ones can exhaust memory). */
export const MAX_IMAGE_SIDE = 4096;

export const SAMPLE_IMAGES: { name: string; label: string }[] = [
  { name: 'coffee.png', label: 'Coffee' },
  { name: 'astronaut.png', label: 'Astronaut' },
  { name: 'chelsea.png', label: 'Cat' },
];

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

/** Checks that a dropped or picked file really decodes as an image, so a bad file never replaces a good one. */
export async function readImageFile(file: Blob & { name?: string }): Promise<ImageValue> {
  const name = file.name ?? 'pasted image';
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    const kind = file.type ? ` (${file.type})` : '';
    throw new Error(`“${name}”${kind} is not an image this browser can read. Use a PNG, JPEG, WebP or GIF.`);
  }
  try {
    const scaled = await downscale(bitmap);
    if (!scaled) return { kind: 'file', name, blob: file, url: URL.createObjectURL(file) };
    const note = `Downscaled from ${bitmap.width}×${bitmap.height} to ${scaled.width}×${scaled.height} (at most ${MAX_IMAGE_SIDE} px a side).`;
    return { kind: 'file', name, blob: scaled.blob, url: URL.createObjectURL(scaled.blob), note };
  } finally {
    bitmap.close();
  }
}

async function downscale(bitmap: ImageBitmap): Promise<{ blob: Blob; width: number; height: number } | undefined> {
  const side = Math.max(bitmap.width, bitmap.height);
  if (side <= MAX_IMAGE_SIDE) return undefined;
  const width = Math.max(1, Math.round((bitmap.width * MAX_IMAGE_SIDE) / side));
  const height = Math.max(1, Math.round((bitmap.height * MAX_IMAGE_SIDE) / side));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  return { blob: await canvas.convertToBlob({ type: 'image/png' }), width, height };
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
