// @ts-check
/**
 * What the Hub's API says of each file of a repo, for the mirror: `GET /api/models/<id>/tree/<rev>[/<path>]`
 * entries `{ type, oid, size, path, lfs?: { oid, size, pointerSize } }` and, for `GET /api/models/<id>?blobs=true`,
 * siblings `{ rfilename, blobId, size, lfs?: { sha256, size, pointerSize } }`. Weight files count as LFS files,
 * as they are on the Hub: their `lfs.oid` / `lfs.sha256` is the file's sha256, which the app checks downloads
 * against when an answer carries no `X-Linked-Etag`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

/** Weight files: on the Hub these are LFS files, whose answers carry their sha256 and size. */
export const WEIGHT_FILE_RE = /\.(onnx|onnx_data(_\d+)?|ort|bin|safetensors)$/i;

/** @type {Map<string, Promise<string>>} digests per file, keyed by algorithm, path, size and mtime: computed once. */
const digests = new Map();

/** @param {string} algorithm @param {string} filePath @param {fs.Stats} stat @param {string} [prefix] @returns {Promise<string>} */
function fileDigest(algorithm, filePath, stat, prefix = '') {
  const key = `${algorithm}|${prefix}|${filePath}|${stat.size}|${stat.mtimeMs}`;
  let pending = digests.get(key);
  if (!pending) {
    pending = new Promise((resolve, reject) => {
      const hash = crypto.createHash(algorithm).update(prefix);
      fs.createReadStream(filePath)
        .on('data', (chunk) => hash.update(chunk))
        .on('end', () => resolve(hash.digest('hex')))
        .on('error', reject);
    });
    digests.set(key, pending);
    pending.catch(() => digests.delete(key));
  }
  return pending;
}

/** @param {string} filePath @param {fs.Stats} stat */
export function fileSha256(filePath, stat) {
  return fileDigest('sha256', filePath, stat);
}

/** Git's object id of a blob: sha1 of `blob <size>\0<content>`. @param {string | Buffer} content */
function gitBlobOid(content) {
  return crypto.createHash('sha1').update(`blob ${Buffer.byteLength(content)}\0`).update(content).digest('hex');
}

/**
 * One file as the Hub's tree API lists it. An LFS file's own `oid` is that of its pointer file, as in Git.
 * @param {string} rel repo-relative path @param {string} realPath @param {fs.Stats} stat
 */
export async function treeEntry(rel, realPath, stat) {
  if (!WEIGHT_FILE_RE.test(rel)) {
    return { type: 'file', oid: await fileDigest('sha1', realPath, stat, `blob ${stat.size}\0`), size: stat.size, path: rel };
  }
  const sha256 = await fileSha256(realPath, stat);
  const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256}\nsize ${stat.size}\n`;
  const oid = gitBlobOid(pointer);
  return { type: 'file', oid, size: stat.size, path: rel, lfs: { oid: sha256, size: stat.size, pointerSize: Buffer.byteLength(pointer) } };
}

/**
 * The tree API's answer for `files` (repo-relative, sorted) under folder `under` ('' for the root): every file
 * below it when `recursive`, else its direct files and folders.
 * @param {{ rel: string, realPath: string, stat: fs.Stats }[]} files @param {string} under @param {boolean} recursive
 */
export async function treeEntries(files, under, recursive) {
  const prefix = under ? `${under.replace(/\/+$/, '')}/` : '';
  const inside = files.filter((file) => file.rel.startsWith(prefix));
  const direct = recursive ? inside : inside.filter((file) => !file.rel.slice(prefix.length).includes('/'));
  const folders = recursive ? [] : [...new Set(inside.map((file) => file.rel.slice(prefix.length).split('/')).filter((parts) => parts.length > 1).map((parts) => prefix + parts[0]))];
  const entries = await Promise.all(direct.map((file) => treeEntry(file.rel, file.realPath, file.stat)));
  const dirs = folders.map((dir) => ({ type: 'directory', oid: gitBlobOid(dir), size: 0, path: dir }));
  return [...dirs, ...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A sibling as `GET /api/models/<id>?blobs=true` lists it. @param {Awaited<ReturnType<typeof treeEntry>>} entry */
export function blobSibling(entry) {
  const lfs = entry.lfs && { sha256: entry.lfs.oid, size: entry.lfs.size, pointerSize: entry.lfs.pointerSize };
  return { rfilename: entry.path, blobId: entry.oid, size: entry.size, ...(lfs ? { lfs } : {}) };
}
