import { CancelledError } from '../protocol/errors';

type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** What the host said a file should be, read from its answers (see `expectationsFrom`). */
export interface Expected {
  /** The body length of the full (200) answer, when it was not content-encoded. */
  contentLength?: number;
  /** The size the host announced: `X-Linked-Size`, else the total of a Range probe's `Content-Range`. */
  announced?: number;
  /** The file's sha256 (hex), from the Hub's `X-Linked-Etag` for LFS files. */
  sha256?: string;
}

interface Active {
  url: string;
  /** When the last byte (or the request itself) went out or came in. */
  last: number;
  controller: AbortController;
  /** Another full download of the same URL overlapped this one: whose bytes the cache is handed is unclear, so none. */
  shared?: boolean;
}

/**
 * The bytes of a full download, copied as they pass through on their way to Transformers.js, so the cache's check
 * (length, sha256) and write need not read them back out of the Response that Transformers.js rebuilds from them: in
 * Chromium that read goes through the blob system and took 2.1–2.8 s for a 538 MB file, a copy as the bytes arrive
 * a fraction of it. With the announced length the copy goes into one buffer; without it, the chunks are kept as
 * they came (a fetch body's chunks are its own, never reused) and joined at the end.
 */
class BodyCopy {
  private buffer: Uint8Array<ArrayBuffer> | undefined;
  private chunks: Uint8Array[] = [];
  private size = 0;
  /** Nothing is kept: the announced length could not be allocated, so the cache reads the answer itself. */
  private off = false;

  constructor(expectedLength: number | undefined) {
    if (!expectedLength) return;
    try {
      this.buffer = new Uint8Array(expectedLength);
    } catch {
      // More than this browser can allocate at once: keeping the chunks instead would hold as much, when memory is short.
      this.off = true;
    }
  }

  add(chunk: Uint8Array): void {
    if (this.off) return;
    if (this.buffer && this.size + chunk.byteLength <= this.buffer.byteLength) {
      this.buffer.set(chunk, this.size);
    } else {
      // Longer than announced (the check will say so): what was copied so far, then the chunks as they come.
      if (this.buffer) this.chunks.push(this.buffer.subarray(0, this.size));
      this.buffer = undefined;
      this.chunks.push(chunk);
    }
    this.size += chunk.byteLength;
  }

  /** The bytes received, exactly; undefined when they cannot be put in one buffer. */
  bytes(): ArrayBuffer | undefined {
    if (this.off) return undefined;
    if (this.buffer) return this.size === this.buffer.byteLength ? this.buffer.buffer : this.buffer.buffer.slice(0, this.size);
    try {
      const whole = new Uint8Array(this.size);
      let offset = 0;
      for (const chunk of this.chunks) {
        whole.set(chunk, offset);
        offset += chunk.byteLength;
      }
      return whole.buffer;
    } catch {
      return undefined;
    }
  }
}

/** How long a downloaded file's check waits for its host's file listing (from when it starts waiting). */
export const LISTING_WAIT_MS = 15_000;

/** No byte for this long during a download is reported as a stall. */
export const STALL_MS = 15_000;

function headerNumber(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/** The Hub sends `X-Linked-Etag: "<sha256>"` for LFS files; a git blob's sha1 (40 hex) is no use here. */
function sha256Of(etag: string | null): string | undefined {
  const hex = etag?.trim().replace(/^W\//, '').replace(/"/g, '').toLowerCase();
  return hex && /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

/** Merges what one answer says about a file into what earlier answers (a Range probe) said. */
export function expectationsFrom(previous: Expected, response: Response, probe: boolean): Expected {
  const headers = response.headers;
  const linkedSize = headerNumber(headers, 'x-linked-size');
  const next: Expected = { ...previous, sha256: sha256Of(headers.get('x-linked-etag')) ?? previous.sha256 };
  if (probe && response.status === 206) {
    const total = /\/(\d+)\s*$/.exec(headers.get('content-range') ?? '')?.[1];
    next.announced = linkedSize ?? (total ? Number(total) : previous.announced);
  } else if (!probe && response.status === 200) {
    if (linkedSize !== undefined) next.announced = linkedSize;
    // A compressed body's Content-Length counts the compressed bytes, not the file's.
    const encoded = (headers.get('content-encoding') ?? 'identity') !== 'identity';
    next.contentLength = encoded ? undefined : headerNumber(headers, 'content-length');
  }
  return next;
}

function hasRange(init: RequestInit | undefined): boolean {
  return Boolean(init?.headers && new Headers(init.headers).has('Range'));
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Watches the model downloads that go through Transformers.js' `env.fetch`: records the length and checksum
 * each host announces per URL (checked before a file is cached), reports a download that receives no byte
 * for STALL_MS (and when bytes flow again), and aborts the downloads of a model version whose load is cancelled.
 */
export class DownloadWatch {
  private expected = new Map<string, Expected>();
  /** Per URL: what the host's model API listed for the file (see hub-listing.ts), for answers that carry no X-Linked-*. */
  private listed = new Map<string, Expected>();
  /** Per URL prefix: a model API listing still on its way, which checks of that prefix's files wait for. */
  private listing = new Map<string, Promise<void>>();
  private active = new Set<Active>();
  /** Per URL: the bytes of its last full download, until the cache takes them (`takeBody`) or the load ends. */
  private bodies = new Map<string, ArrayBuffer>();
  /** URL prefixes whose downloads' bytes are kept: the model versions being loaded (`keepBodies`). */
  private keeping = new Set<string>();
  private blocked = new Set<string>();
  private stalledHost: string | undefined;
  private listeners = new Set<(host: string | undefined) => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private now: () => number;
  private stallMs: number;
  private listingWaitMs: number;

  constructor(options: { now?: () => number; stallMs?: number; listingWaitMs?: number } = {}) {
    this.now = options.now ?? (() => Date.now());
    this.stallMs = options.stallMs ?? STALL_MS;
    this.listingWaitMs = options.listingWaitMs ?? LISTING_WAIT_MS;
  }

  wrap(inner: Fetch): Fetch {
    return async (input, init) => {
      const url = typeof input === 'string' ? input : input.href;
      if (this.isBlocked(url)) throw new CancelledError('Stopped.');
      const entry: Active = { url, last: this.now(), controller: new AbortController() };
      const signal = init?.signal ? AbortSignal.any([init.signal, entry.controller.signal]) : entry.controller.signal;
      this.track(entry);
      let response: Response;
      try {
        response = await inner(input, { ...init, signal });
      } catch (error) {
        this.untrack(entry);
        throw error;
      }
      const probe = hasRange(init);
      if (response.ok) this.expected.set(url, expectationsFrom(this.expected.get(url) ?? {}, response, probe));
      if (probe || !response.ok || !response.body) {
        this.untrack(entry);
        return response;
      }
      // A full answer's bytes are kept for the cache while its model version loads; an earlier download's of the same
      // URL are stale now, and a download overlapping another of the same URL keeps nothing (nor does the other).
      this.bodies.delete(url);
      for (const other of this.active) {
        if (other !== entry && other.url === url) other.shared = entry.shared = true;
      }
      const keep =
        response.status === 200 && this.isKept(url)
          ? (bytes: ArrayBuffer) => {
              if (!entry.shared && this.isKept(url)) this.bodies.set(url, bytes);
            }
          : undefined;
      const body = this.watched(response.body, entry, keep);
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    };
  }

  /**
   * What the host announced for a URL: its answers' headers, else what its model API listed for the file
   * (undefined when neither is known).
   */
  expectationFor(url: string): Expected | undefined {
    const heard = this.expected.get(url);
    const listed = this.listed.get(url);
    if (!listed) return heard;
    return {
      contentLength: heard?.contentLength,
      announced: heard?.announced ?? listed.announced,
      sha256: heard?.sha256 ?? listed.sha256,
    };
  }

  /** Records what a model API listed for the files under a URL prefix (`<host><model>/resolve/<revision>/`). */
  expectListed(prefix: string, files: ReadonlyMap<string, Pick<Expected, 'sha256' | 'announced'>>): void {
    for (const [file, expected] of files) this.listed.set(prefix + file, expected);
  }

  /**
   * A listing for a URL prefix that is still being asked for: a load need not wait for it (its files may all be
   * in the cache, or come with headers that say enough), but a downloaded file's check does (`expectationOnceListed`).
   */
  listingUnderWay(prefix: string, listed: Promise<void>): void {
    const pending: Promise<void> = listed
      .catch(() => undefined)
      .finally(() => {
        if (this.listing.get(prefix) === pending) this.listing.delete(prefix);
      });
    this.listing.set(prefix, pending);
  }

  /** What the host announced for a URL (`expectationFor`), once any listing under way for it has come. */
  async expectationOnceListed(url: string): Promise<Expected | undefined> {
    // The answer's own X-Linked-* win over a listing: nothing to wait for.
    const heard = this.expected.get(url);
    if (heard?.sha256 !== undefined && heard.announced !== undefined) return this.expectationFor(url);
    const waits = [...this.listing].filter(([prefix]) => url.startsWith(prefix)).map(([, listed]) => listed);
    if (waits.length > 0) {
      // A host whose model API never answers must not hold the load: after LISTING_WAIT_MS of waiting, the check
      // goes on with what the answers themselves said.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.listingWaitMs)));
      await Promise.race([Promise.all(waits), limit]);
      clearTimeout(timer);
    }
    return this.expectationFor(url);
  }

  /**
   * The bytes of the URL's last full download as they arrived (for the cache's check and write), handed out once;
   * undefined when there are none (a cached file, a partial answer, or bytes too large to copy).
   */
  takeBody(url: string): ArrayBuffer | undefined {
    const bytes = this.bodies.get(url);
    this.bodies.delete(url);
    return bytes;
  }

  /** Keeps the bytes of the downloads under a URL prefix (a model version's load), until `dropBodies`. */
  keepBodies(prefix: string): void {
    this.keeping.add(prefix);
  }

  /**
   * Stops keeping downloads under a URL prefix and lets go of those not taken: a load that ended before caching them,
   * or a download that finished after it.
   */
  dropBodies(prefix: string): void {
    this.keeping.delete(prefix);
    for (const url of [...this.bodies.keys()]) if (url.startsWith(prefix)) this.bodies.delete(url);
  }

  private isKept(url: string): boolean {
    for (const prefix of this.keeping) if (url.startsWith(prefix)) return true;
    return false;
  }

  /** Forgets a URL's announcements, so a later download is judged on its own answer only. */
  forget(url: string): void {
    this.expected.delete(url);
    this.listed.delete(url);
  }

  /** Aborts the downloads under a URL prefix and refuses new ones until `unblock`. */
  abort(prefix: string): void {
    this.blocked.add(prefix);
    for (const entry of this.active) {
      if (entry.url.startsWith(prefix)) entry.controller.abort(new CancelledError('Stopped.'));
    }
  }

  unblock(prefix: string): void {
    this.blocked.delete(prefix);
  }

  /** Called with the host a download waits on for STALL_MS, and with undefined once bytes flow again. */
  onStall(listener: (host: string | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Checks for a stall now (the timer calls this every second while downloads run). */
  check(): void {
    const now = this.now();
    const stuck = [...this.active].find((entry) => now - entry.last >= this.stallMs);
    this.setStalled(stuck ? hostOf(stuck.url) : undefined);
  }

  private isBlocked(url: string): boolean {
    return [...this.blocked].some((prefix) => url.startsWith(prefix));
  }

  /**
   * The body as it comes, with each byte's arrival noted for the stall check. With `whole`, the bytes are also copied
   * (BodyCopy) and handed to it once the body is complete, before the reader sees its end.
   */
  private watched(body: ReadableStream<Uint8Array>, entry: Active, whole?: (bytes: ArrayBuffer) => void): ReadableStream<Uint8Array> {
    const reader = body.getReader();
    const copy = whole && new BodyCopy(this.expected.get(entry.url)?.contentLength);
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        try {
          const { done, value } = await reader.read();
          entry.last = this.now();
          if (this.stalledHost) this.check();
          if (done) {
            this.untrack(entry);
            const bytes = copy?.bytes();
            if (bytes) whole?.(bytes);
            controller.close();
          } else {
            copy?.add(value);
            controller.enqueue(value);
          }
        } catch (error) {
          this.untrack(entry);
          controller.error(error);
        }
      },
      cancel: (reason) => {
        this.untrack(entry);
        return reader.cancel(reason);
      },
    });
  }

  private track(entry: Active): void {
    this.active.add(entry);
    this.timer ??= setInterval(() => this.check(), 1000);
  }

  private untrack(entry: Active): void {
    if (!this.active.delete(entry)) return;
    if (this.active.size > 0) return this.check();
    clearInterval(this.timer);
    this.timer = undefined;
    this.setStalled(undefined);
  }

  private setStalled(host: string | undefined): void {
    if (host === this.stalledHost) return;
    this.stalledHost = host;
    for (const listener of this.listeners) listener(host);
  }
}
