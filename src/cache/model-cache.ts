import { MODEL_CACHE_NAME, cachePrefix, parseCacheUrl } from './cache-url';

// The cache manager: what Transformers.js keeps in Cache Storage, grouped by model version.

export interface CachedFile {
  url: string;
  file: string;
  bytes: number;
}

export interface CachedModel {
  /** `<host><model>/resolve/<revision>/`, unique per model version and host. */
  prefix: string;
  host: string;
  model: string;
  revision: string;
  files: CachedFile[];
  bytes: number;
  lastUsed?: number;
}

const LAST_USED_KEY = 'model-playground:last-used';

type LastUsed = Record<string, number>;

function readLastUsed(): LastUsed {
  try {
    const value = JSON.parse(localStorage.getItem(LAST_USED_KEY) ?? '{}') as unknown;
    return value && typeof value === 'object' ? (value as LastUsed) : {};
  } catch {
    return {};
  }
}

function writeLastUsed(index: LastUsed): void {
  try {
    localStorage.setItem(LAST_USED_KEY, JSON.stringify(index));
  } catch {
    // A full localStorage only loses the "last used" dates, never the models.
  }
}

/** Remembers when a model version was last loaded (Cache Storage keeps no such date). */
export function recordModelUse(host: string, model: string, revision: string, now = Date.now()): void {
  writeLastUsed({ ...readLastUsed(), [cachePrefix(host, model, revision)]: now });
}

/** Groups cache entries by model version, largest first. */
export function groupEntries(entries: readonly CachedFile[], lastUsed: LastUsed = {}): CachedModel[] {
  const groups = new Map<string, CachedModel>();
  for (const entry of entries) {
    const parts = parseCacheUrl(entry.url);
    if (!parts) continue;
    const group = groups.get(parts.prefix) ?? {
      prefix: parts.prefix,
      host: parts.host,
      model: parts.model,
      revision: parts.revision,
      files: [],
      bytes: 0,
      lastUsed: lastUsed[parts.prefix],
    };
    group.files.push({ ...entry, file: parts.file });
    group.bytes += entry.bytes;
    groups.set(parts.prefix, group);
  }
  for (const group of groups.values()) group.files.sort((a, b) => a.file.localeCompare(b.file));
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes || a.model.localeCompare(b.model));
}

async function entrySize(cache: Cache, request: Request): Promise<number> {
  const response = await cache.match(request);
  if (!response) return 0;
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > 0) return length;
  return (await response.blob()).size;
}

export async function listCachedModels(): Promise<CachedModel[]> {
  if (typeof caches === 'undefined' || !(await caches.has(MODEL_CACHE_NAME))) return [];
  const cache = await caches.open(MODEL_CACHE_NAME);
  const requests = await cache.keys();
  const entries = await Promise.all(
    requests.map(async (request) => ({ url: request.url, file: '', bytes: await entrySize(cache, request) })),
  );
  return groupEntries(entries, readLastUsed());
}

export async function deleteCachedModel(prefix: string): Promise<number> {
  const cache = await caches.open(MODEL_CACHE_NAME);
  const requests = (await cache.keys()).filter((request) => request.url.startsWith(prefix));
  await Promise.all(requests.map((request) => cache.delete(request)));
  const index = readLastUsed();
  delete index[prefix];
  writeLastUsed(index);
  return requests.length;
}

/** Deletes every entry (not the cache itself: the inference worker keeps the cache open). */
export async function deleteAllCachedModels(): Promise<void> {
  const cache = await caches.open(MODEL_CACHE_NAME);
  await Promise.all((await cache.keys()).map((request) => cache.delete(request)));
  writeLastUsed({});
}

export interface StorageInfo {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

export async function storageInfo(): Promise<StorageInfo> {
  const storage = globalThis.navigator?.storage;
  if (!storage) return {};
  const [estimate, persisted] = await Promise.all([
    storage.estimate?.().catch(() => undefined),
    storage.persisted?.().catch(() => undefined),
  ]);
  return { usage: estimate?.usage, quota: estimate?.quota, persisted };
}

/** Asks the browser not to evict the cached models under storage pressure. */
export async function requestPersistence(): Promise<boolean> {
  return (await globalThis.navigator?.storage?.persist?.()) ?? false;
}
