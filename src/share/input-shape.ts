// Inputs travel in links as plain JSON, checked against the shape of the task's default input:
// the same keys, the same kinds of values, bounded lengths. Images travel by reference only.
import { SAMPLE_IMAGES, sampleImage, urlImage, type ImageValue } from '../ui/kit/ImageInput/image-value';
import { formatCount } from '../ui/format';

export const MAX_TEXT = 20_000;
export const MAX_ITEMS = 500;
export const MAX_URL = 2_000;

type Shared = { kind: 'sample'; name: string } | { kind: 'url'; url: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** True for the default input of an image task (an ImageValue). */
export function isImageTemplate(template: unknown): boolean {
  return isPlainObject(template) && template.kind === 'sample' && typeof template.name === 'string' && typeof template.url === 'string';
}

const isImageValue = (value: unknown): value is ImageValue =>
  isPlainObject(value) && (value.kind === 'sample' || value.kind === 'url' || value.kind === 'file') && typeof value.name === 'string' && typeof value.url === 'string';

const FILE_NOTE = 'Your own image file is not put in the link (links never carry pixels): choose a sample or an image URL to share it.';

/** An image as a link carries it (a sample's name or a web address), or undefined for a picked file. */
function sharedImage(image: ImageValue | undefined): Shared | undefined {
  if (image?.kind === 'sample') return { kind: 'sample', name: image.name };
  if (image?.kind === 'url') return { kind: 'url', url: image.url };
  return undefined;
}

/** Images inside an input (a picture set, a task's picture field) travel like a top-level one; picked files stay home. */
function shareNested(value: unknown, notes: string[], depth = 0): unknown {
  if (isImageValue(value)) {
    const shared = sharedImage(value);
    if (!shared) notes.push(FILE_NOTE);
    return shared;
  }
  if (depth > 6) return value;
  if (Array.isArray(value)) return value.map((item) => shareNested(item, notes, depth + 1)).filter((item) => item !== undefined);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shareNested(item, notes, depth + 1)]));
  return value;
}

/** What an input becomes in a link; `note` says what could not be shared (a picked file's pixels). */
export function shareableInput(input: unknown, template: unknown): { value?: unknown; note?: string } {
  if (input === undefined) return {};
  if (isImageTemplate(template)) {
    const shared = sharedImage(input as ImageValue | undefined);
    return shared ? { value: shared } : { note: FILE_NOTE };
  }
  const notes: string[] = [];
  const value = shareNested(input, notes);
  return notes.length > 0 ? { value, note: notes[0] } : { value };
}

export function safeHttpUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_URL) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username || url.password) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

function restoreImage(raw: unknown, dropped: string[]): ImageValue | undefined {
  if (isPlainObject(raw) && raw.kind === 'sample' && SAMPLE_IMAGES.some((s) => s.name === raw.name)) return sampleImage(raw.name as string);
  if (isPlainObject(raw) && raw.kind === 'url') {
    const url = safeHttpUrl(raw.url);
    if (url) return urlImage(url);
  }
  dropped.push('input image: not a bundled sample or an http(s) image URL');
  return undefined;
}

function describe(template: unknown): string {
  if (Array.isArray(template)) return 'a list';
  if (isPlainObject(template)) return 'a group of fields';
  return typeof template === 'string' ? 'text' : typeof template === 'number' ? 'a number' : 'on/off';
}

/** Returns the value reshaped to the template, or undefined; every part it drops is described in `dropped`. */
function conform(value: unknown, template: unknown, path: string, dropped: string[], depth = 0): unknown {
  const fail = (why: string) => {
    dropped.push(`${path}: ${why}`);
    return undefined;
  };
  if (depth > 6) return fail('nested too deeply');
  // A picture inside the input (e.g. a picture set) is restored like a top-level one: a sample or an http(s) address.
  if (isImageTemplate(template)) return restoreImage(value, dropped);
  if (typeof template === 'string') {
    if (typeof value !== 'string') return fail(`expected ${describe(template)}`);
    return value.length > MAX_TEXT ? fail(`longer than ${formatCount(MAX_TEXT)} characters`) : value;
  }
  if (typeof template === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : fail('expected a number');
  if (typeof template === 'boolean') return typeof value === 'boolean' ? value : fail('expected on/off');
  if (Array.isArray(template)) {
    if (!Array.isArray(value)) return fail('expected a list');
    if (template.length === 0) return value.length === 0 ? [] : fail('this list cannot be restored from a link');
    if (value.length > MAX_ITEMS) return fail(`more than ${MAX_ITEMS} items`);
    const items = value.map((item, index) => conform(item, template[0], `${path}[${index}]`, dropped, depth + 1));
    return items.filter((item) => item !== undefined);
  }
  if (isPlainObject(template)) {
    if (!isPlainObject(value)) return fail('expected a group of fields');
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      // Own keys only: `"__proto__" in {}` and `"constructor" in {}` are true through the prototype.
      if (!Object.hasOwn(template, key)) dropped.push(`${path}.${key.slice(0, 40)}: unknown field`);
    }
    for (const [key, sub] of Object.entries(template)) {
      const conformed = Object.hasOwn(value, key) ? conform(value[key], sub, `${path}.${key}`, dropped, depth + 1) : undefined;
      out[key] = conformed === undefined ? sub : conformed;
    }
    return out;
  }
  return fail('cannot be restored from a link');
}

/** Checks a linked input against the task's default input; undefined means "keep the default". */
export function restoreInput(raw: unknown, template: unknown, dropped: string[]): unknown {
  if (raw === undefined) return undefined;
  if (isImageTemplate(template)) return restoreImage(raw, dropped);
  return conform(raw, template, 'input', dropped);
}
