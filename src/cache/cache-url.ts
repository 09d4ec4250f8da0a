// Transformers.js keys Cache Storage entries by the full file URL:
// `<host><org>/<name>/resolve/<revision>/<path>` (see buildResourcePaths in its utils/hub.js).

export const MODEL_CACHE_NAME = 'transformers-cache';

export interface CacheUrlParts {
  /** The model host, ending in '/'. */
  host: string;
  model: string;
  revision: string;
  file: string;
  /** `<host><model>/resolve/<revision>/`: every file of that model version starts with it. */
  prefix: string;
}

export function parseCacheUrl(url: string): CacheUrlParts | undefined {
  const marker = url.indexOf('/resolve/');
  if (marker < 0) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.slice(0, marker));
  } catch {
    return undefined;
  }
  const segments = parsed.pathname.split('/').filter(Boolean);
  if (segments.length === 0) return undefined;
  const repoSegments = segments.length >= 2 ? 2 : 1;
  const model = segments.slice(-repoSegments).join('/');
  const hostPath = segments.slice(0, -repoSegments).map((s) => `${s}/`).join('');
  const host = `${parsed.origin}/${hostPath}`;
  const rest = url.slice(marker + '/resolve/'.length);
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) return undefined;
  const revision = safeDecode(rest.slice(0, slash));
  const file = safeDecode(rest.slice(slash + 1));
  return { host, model: decodeURIComponent(model), revision, file, prefix: url.slice(0, marker + '/resolve/'.length + slash + 1) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The prefix under which Transformers.js caches the files of a model version on a host. */
export function cachePrefix(host: string, model: string, revision: string): string {
  return `${host}${model}/resolve/${encodeURIComponent(revision)}/`;
}
