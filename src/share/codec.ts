// Share links live in the URL fragment (`#s=<version>.<payload>`), which browsers never send to a
// server. Version 2 is deflate-raw compressed JSON in base64url and may carry a compare set (`c`, `k`);
// version 1 is the same packing without them; version 0, the first format, was plain JSON with long keys. Every version ever written keeps a decoder here, so old links still open.

/** The untrusted content of a link, in the current (v1) field names; `validate.ts` checks each field. */
export interface SharePayload {
  /** task id */
  t?: unknown;
  /** model id */
  m?: unknown;
  /** model host */
  h?: unknown;
  /** revision */
  r?: unknown;
  /** device */
  d?: unknown;
  /** dtype */
  q?: unknown;
  /** params that differ from the task's defaults */
  p?: unknown;
  /** a reference output to check results against: { s: file name, o: output } */
  x?: unknown;
  /** input (images by reference only) */
  i?: unknown;
  /** v2: compare columns, each { m: model, q: dtype, d: device, n: threads, p: params } */
  c?: unknown;
  /** v2: runs per compare column */
  k?: unknown;
}

export const SHARE_VERSION = 2;
export const FRAGMENT_KEY = 's';
/** Longer fragments are refused unread; decompressed JSON is capped too (a deflate bomb stops here). */
export const MAX_FRAGMENT_CHARS = 48_000;
export const MAX_JSON_BYTES = 256 * 1024;

export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[\w-]*$/.test(text)) throw new ShareLinkError('The link contains characters a share link never has.');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new ShareLinkError('The link data is cut short or damaged.');
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipeThrough(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ShareLinkError('The link expands to far more data than a shared demo holds.');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ShareLinkError('The link data is not readable (damaged or cut short).');
  }
}

function asObject(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ShareLinkError('The link data is not a shared demo.');
  return value as Record<string, unknown>;
}

/** v0: `#s=0.<base64url(JSON)>`, uncompressed, with long field names. */
function fromV0(json: unknown): SharePayload {
  const o = asObject(json);
  return { t: o.task, m: o.model, h: o.host, r: o.revision, d: o.device, q: o.dtype, p: o.params, i: o.input };
}

async function inflate(payload: string): Promise<Record<string, unknown>> {
  let bytes: Uint8Array;
  try {
    bytes = await pipeThrough(fromBase64Url(payload), new DecompressionStream('deflate-raw'), MAX_JSON_BYTES);
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError('The link data is damaged or cut short, so it cannot be unpacked.');
  }
  return asObject(parseJson(bytes));
}

const DECODERS: Record<string, (payload: string) => Promise<SharePayload>> = {
  0: async (payload) => fromV0(parseJson(fromBase64Url(payload))),
  // v1 had no compare set: fields of v2 in a v1 link are left for validation to list as unknown.
  1: async (payload) => {
    const { c, k, ...rest } = await inflate(payload);
    return { ...rest, ...(c !== undefined && { 'c (not in v1)': c }), ...(k !== undefined && { 'k (not in v1)': k }) } as SharePayload;
  },
  2: async (payload) => (await inflate(payload)) as SharePayload,
};

export const KNOWN_VERSIONS = Object.keys(DECODERS).map(Number);

/** The share value in a URL hash (`#a=b&s=…`), or undefined when the hash holds none. */
export function shareParam(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(FRAGMENT_KEY) ?? undefined;
}

export async function encodeShare(payload: SharePayload, version: 1 | 2 = SHARE_VERSION): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(payload));
  const packed = await pipeThrough(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  return `${version}.${toBase64Url(packed)}`;
}

/** The legacy v0 form, kept so tests (and anyone with an old link) can prove it still opens. */
export function encodeShareV0(payload: SharePayload): string {
  const long = { task: payload.t, model: payload.m, host: payload.h, revision: payload.r, device: payload.d, dtype: payload.q, params: payload.p, input: payload.i };
  return `0.${toBase64Url(new TextEncoder().encode(JSON.stringify(long)))}`;
}

/** Reads a share value (`<version>.<payload>`); throws ShareLinkError with a readable reason. */
export async function decodeShare(value: string): Promise<{ version: number; payload: SharePayload }> {
  if (value.length > MAX_FRAGMENT_CHARS) throw new ShareLinkError(`The link is too long (${value.length} characters) to be a shared demo.`);
  const match = /^(\d+)\.(.*)$/s.exec(value);
  if (!match) throw new ShareLinkError('The link has no version, so it was not made by this app.');
  const decoder = Object.hasOwn(DECODERS, match[1]) ? DECODERS[match[1]] : undefined;
  if (!decoder) {
    const shown = match[1].length > 12 ? `${match[1].slice(0, 12)}…` : match[1];
    throw new ShareLinkError(`The link uses format version ${shown}, which this version of the app does not know. Reload to update the app, then try again.`);
  }
  return { version: Number(match[1]), payload: await decoder(match[2]) };
}
