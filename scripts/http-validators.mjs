// @ts-check
/**
 * HTTP validators for a file served from disk, shared by the model mirror and the static server: an ETag from the
 * file's size and modification time, its Last-Modified date, and the conditional-request checks that answer 304.
 */

/**
 * @param {import('node:fs').Stats} stat
 * @param {{ weak?: boolean }} [options] a weak tag (`W/"…"`) where the bytes may be served re-encoded or in ranges
 * @returns {{ ETag: string, 'Last-Modified': string }}
 */
export function fileValidators(stat, { weak = false } = {}) {
  const tag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  return { ETag: weak ? `W/${tag}` : tag, 'Last-Modified': stat.mtime.toUTCString() };
}

/** Whether an If-None-Match header names this tag (weak comparison, RFC 9110 13.1.2). @param {string | undefined} header @param {string} etag */
export function etagMatches(header, etag) {
  if (!header) return false;
  const opaque = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * Whether a conditional GET/HEAD can be answered 304: If-None-Match when present (it wins, RFC 9110 13.2.2),
 * else If-Modified-Since against Last-Modified, to the second.
 * @param {import('node:http').IncomingMessage} req @param {{ ETag: string, 'Last-Modified': string }} validators
 */
export function notModified(req, validators) {
  const match = req.headers['if-none-match'];
  if (match !== undefined) return etagMatches(match, validators.ETag);
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(Date.parse(validators['Last-Modified']) / 1000) <= Math.floor(since / 1000);
}
