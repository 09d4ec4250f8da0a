import { LOCAL_HOST } from '../models/local-ref';
import { MODEL_CACHE_NAME, parseCacheUrl } from './cache-url';
import type { Expected } from '../runtime/download-watch';
import { verifyDownload, type DownloadProblem } from './verify-download';

/** The part of the Web Cache API that Transformers.js' `env.customCache` needs. */
export interface CacheLike {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
  delete(key: string): Promise<boolean>;
  keys(): Promise<readonly { url: string }[]>;
}

export interface CacheFailure {
  prefix: string;
  message: string;
}

/** A file the browser would not store, and why. */
export interface UnsavedFile {
  /** The file's path in the model repo. */
  file: string;
  message: string;
}

/** A downloaded file that did not match what its host announced, and so was not cached. */
export interface DamagedDownload extends DownloadProblem {
  /** The file's path in the model repo. */
  file: string;
  url: string;
}

/** Where the cache learns what the host announced for each URL (the worker's DownloadWatch). */
export interface DownloadChecks {
  /** What the host announced for a URL, once a listing of its files still under way (if any) has come. */
  expectationOnceListed(url: string): Promise<Expected | undefined>;
  forget(url: string): void;
  /** The bytes of the URL's download as they arrived, handed out once (undefined when not kept). */
  takeBody?(url: string): ArrayBuffer | undefined;
}

/** Adds an entry to a model version's list. */
function append<T>(lists: Map<string, T[]>, prefix: string, item: T): void {
  lists.set(prefix, [...(lists.get(prefix) ?? []), item]);
}

/** Returns (and forgets) a model version's list. */
function take<T>(lists: Map<string, T[]>, prefix: string): T[] {
  const found = lists.get(prefix) ?? [];
  lists.delete(prefix);
  return found;
}

function describe(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return 'the browser has no storage space left for this site (quota exceeded)';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Wraps Cache Storage for Transformers.js. Transformers.js itself only logs a failed cache write,
 * leaving the files written so far behind; here a failed write (typically QuotaExceededError) removes
 * every entry of that model version, stops further writes for it, and is reported to the load.
 */
export class ModelCache {
  private failures = new Map<string, CacheFailure>();
  /** Model versions whose caching failed in this session: later writes (e.g. a re-check's config.json) are skipped too, until the next load. */
  private blocked = new Set<string>();
  private pending = new Map<string, Set<Promise<void>>>();
  private opener: () => Promise<CacheLike>;
  private opened?: Promise<CacheLike>;
  private checks?: DownloadChecks;
  /** Per model version: downloads refused since its load began. */
  private damaged = new Map<string, DamagedDownload[]>();
  /** Per model version: files answered from the cache since its load began. */
  private hits = new Map<string, Set<string>>();
  /** Per model version: files downloaded (handed over to be stored) since its load began. */
  private downloaded = new Map<string, Set<string>>();
  /** Per model version: files the browser refused to store for another reason than its quota, since its load began. */
  private unsaved = new Map<string, UnsavedFile[]>();

  constructor(open: () => Promise<CacheLike> = () => caches.open(MODEL_CACHE_NAME) as Promise<CacheLike>, checks?: DownloadChecks) {
    this.opener = open;
    this.checks = checks;
  }

  // Opened once: in Chromium 156 a caches.open() issued right after a failed (404) lookup sometimes never
  // settles in a worker, which froze every later load. The cache manager therefore deletes entries, never
  // the cache itself, so this handle stays valid.
  private open(): Promise<CacheLike> {
    this.opened ??= this.opener().catch((error: unknown) => {
      this.opened = undefined;
      throw error;
    });
    return this.opened;
  }

  async match(key: string): Promise<Response | undefined> {
    if (key.startsWith(LOCAL_HOST)) return undefined;
    const found = await (await this.open()).match(key);
    const parts = parseCacheUrl(key);
    if (found && parts) this.hits.set(parts.prefix, (this.hits.get(parts.prefix) ?? new Set()).add(parts.file));
    // Transformers.js asks again just before it would store a download: when another load stored the file meanwhile,
    // no put follows, and the bytes kept for it are let go of now.
    if (found) this.checks?.takeBody?.(key);
    return found;
  }

  async put(key: string, response: Response): Promise<void> {
    // Files from a local folder are read from disk each time; copying them into the cache would only use space.
    if (key.startsWith(LOCAL_HOST)) return;
    const parts = parseCacheUrl(key);
    const prefix = parts?.prefix ?? key;
    // Only whole files are kept: a Range probe's 206 (or any other partial answer) cannot be cached, and
    // must not count as a failed write that would purge the files already cached for this model.
    if (response.status !== 200) return;
    // Transformers.js hands every file it downloaded to the cache: this load did not come from the cache alone.
    this.downloaded.set(prefix, (this.downloaded.get(prefix) ?? new Set()).add(parts?.file ?? key));
    // Taken now in any case, so the bytes kept for this write are let go of when nothing is written.
    const kept = this.checks?.takeBody?.(key);
    if (this.failures.has(prefix) || this.blocked.has(prefix)) return;
    const write = this.write(prefix, key, response, kept);
    const pending = this.pending.get(prefix) ?? new Set<Promise<void>>();
    pending.add(write);
    this.pending.set(prefix, pending);
    try {
      await write;
    } finally {
      pending.delete(write);
    }
  }

  /** Waits for the cache writes of a model version still in flight (a load is not done until its files are kept). */
  async settle(prefix: string): Promise<void> {
    while (this.pending.get(prefix)?.size) await Promise.allSettled([...this.pending.get(prefix)!]);
  }

  private async write(prefix: string, key: string, response: Response, kept: ArrayBuffer | undefined): Promise<void> {
    // Transformers.js hands over a Response rebuilt from the bytes it read, so the host's own Content-Length is
    // gone by now: what the host announced comes from the fetch wrapper, which saw its answers. The bytes are the
    // ones the wrapper kept as they arrived, when it kept them and they are as long as what Transformers.js read:
    // reading them back out of this Response costs seconds for a large file (DownloadWatch's BodyCopy).
    const length = Number(response.headers.get('content-length') ?? NaN);
    const bytes = kept && (Number.isNaN(length) || kept.byteLength === length) ? kept : await response.arrayBuffer();
    const problem = await verifyDownload(bytes, await this.checks?.expectationOnceListed(key));
    if (problem) {
      this.checks?.forget(key);
      const file = parseCacheUrl(key)?.file ?? key;
      append(this.damaged, prefix, { ...problem, file, url: key });
      return;
    }
    const cache = await this.open();
    try {
      await cache.put(key, new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers }));
    } catch (error) {
      if ((error as { name?: string } | null)?.name !== 'QuotaExceededError') {
        // Not the quota (Chromium says "Unexpected internal error" for a file larger than a private window keeps):
        // the model's other files stay cached, and the load says which file will download again.
        append(this.unsaved, prefix, { file: parseCacheUrl(key)?.file ?? key, message: describe(error) });
        return;
      }
      this.failures.set(prefix, { prefix, message: describe(error) });
      await this.removePrefix(cache, prefix);
    }
  }

  async delete(key: string): Promise<boolean> {
    return (await this.open()).delete(key);
  }

  /** Returns (and forgets) the write failure recorded for a model version, if any. */
  takeFailure(prefix: string): CacheFailure | undefined {
    const failure = this.failures.get(prefix);
    this.failures.delete(prefix);
    if (failure) this.blocked.add(prefix);
    return failure;
  }

  /** A new load of this model version may try to cache it again. */
  allow(prefix: string): void {
    this.blocked.delete(prefix);
    this.damaged.delete(prefix);
    this.hits.delete(prefix);
    this.downloaded.delete(prefix);
    this.unsaved.delete(prefix);
  }

  /** Returns (and forgets) the files of a model version the browser refused to store (not for its quota). */
  takeUnsaved(prefix: string): UnsavedFile[] {
    return take(this.unsaved, prefix);
  }

  /** Returns (and forgets) the downloads of a model version that failed their checks and were not cached. */
  takeDamaged(prefix: string): DamagedDownload[] {
    return take(this.damaged, prefix);
  }

  /** Whether any file of this model version was answered from the cache since its load began. */
  servedFromCache(prefix: string): boolean {
    return (this.hits.get(prefix)?.size ?? 0) > 0;
  }

  /**
   * Whether this load of a model version came from the cache alone: files were answered from it and none was
   * downloaded since the load began. Read after the load, from what it did, instead of asking the cache for every
   * file before it (30–40 ms of a 300 ms cached load).
   */
  loadedFromCache(prefix: string): boolean {
    return this.servedFromCache(prefix) && (this.downloaded.get(prefix)?.size ?? 0) === 0;
  }

  /** The files of a model version that are in the cache. */
  async cachedFiles(prefix: string): Promise<string[]> {
    const keys = await (await this.open()).keys();
    return keys.filter((request) => request.url.startsWith(prefix)).map((request) => request.url.slice(prefix.length));
  }

  /** Removes every entry of a model version (also writes that finished after a failure). */
  async purge(prefix: string): Promise<void> {
    await this.removePrefix(await this.open(), prefix);
  }

  private async removePrefix(cache: CacheLike, prefix: string): Promise<void> {
    const keys = await cache.keys().catch(() => []);
    await Promise.all(keys.filter((request) => request.url.startsWith(prefix)).map((request) => cache.delete(request.url).catch(() => false)));
  }
}
