// A model folder picked from disk is referred to as `local:<name>` in the UI and the store. The worker
// serves its files under a host that can never resolve, so nothing about it ever leaves the browser.

export const LOCAL_PREFIX = 'local:';
/** `.invalid` is reserved (RFC 2606): a request that escaped our interception could not reach anyone. */
export const LOCAL_HOST = 'https://local-folder.invalid/';
const LOCAL_ORG = 'local';

export function isLocalRef(model: string): boolean {
  return model.trim().startsWith(LOCAL_PREFIX);
}

export function localRefName(model: string): string {
  return model.trim().slice(LOCAL_PREFIX.length);
}

export function localRef(name: string): string {
  return `${LOCAL_PREFIX}${name}`;
}

/** The repo id Transformers.js sees for a local folder. */
export function localModelId(name: string): string {
  return `${LOCAL_ORG}/${name}`;
}

/** Turns a folder name into a valid repo name segment (letters, digits, '-', '_', '.'; no '--' or '..'). */
export function sanitizeFolderName(name: string): string {
  const cleaned = name
    .replace(/[^\w.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 96);
  return cleaned || 'folder';
}

/** Splits `https://local-folder.invalid/local/<name>/resolve/<rev>/<path>` into name and file path. */
export function parseLocalUrl(url: string): { name: string; path: string } | undefined {
  if (!url.startsWith(LOCAL_HOST)) return undefined;
  const match = /^local\/([^/]+)\/resolve\/[^/]+\/(.+)$/.exec(url.slice(LOCAL_HOST.length).split(/[?#]/)[0]);
  if (!match) return undefined;
  try {
    return { name: decodeURIComponent(match[1]), path: decodeURIComponent(match[2]) };
  } catch {
    return undefined;
  }
}
