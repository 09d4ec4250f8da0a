export type ImageValue =
  | { kind: 'sample'; name: string; url: string }
  | { kind: 'file'; name: string; url: string; blob: Blob };

export const SAMPLE_IMAGES: { name: string; label: string }[] = [
  { name: 'coffee.png', label: 'Coffee' },
  { name: 'astronaut.png', label: 'Astronaut' },
  { name: 'chelsea.png', label: 'Cat' },
];

export function sampleImage(name: string): ImageValue {
  return { kind: 'sample', name, url: `${import.meta.env.BASE_URL}samples/${name}` };
}

/** Checks that a dropped or picked file really decodes as an image, so a bad file never replaces a good one. */
export async function readImageFile(file: Blob & { name?: string }): Promise<ImageValue> {
  const name = file.name ?? 'pasted image';
  try {
    const bitmap = await createImageBitmap(file);
    bitmap.close();
  } catch {
    const kind = file.type ? ` (${file.type})` : '';
    throw new Error(`“${name}”${kind} is not an image this browser can read. Use a PNG, JPEG, WebP or GIF.`);
  }
  return { kind: 'file', name, blob: file, url: URL.createObjectURL(file) };
}

/** What the worker receives: the image bytes, never a URL it would have to fetch. */
export async function imagePayload(value: ImageValue | undefined): Promise<{ image: Blob; name: string } | undefined> {
  if (!value) return undefined;
  if (value.kind === 'file') return { image: value.blob, name: value.name };
  const response = await fetch(value.url);
  if (!response.ok) throw new Error(`Could not load the sample image ${value.name}`);
  return { image: await response.blob(), name: value.name };
}
