// @ts-check
/**
 * model-mirror: serve a folder of models laid out like the Hugging Face Hub
 * (`<dir>/<org>/<name>/config.json`, `<dir>/<org>/<name>/onnx/model.onnx`)
 * in the Hub's URL layout, so the app's real fetching, progress and caching
 * code can run against local files.
 *
 *   node scripts/model-mirror.mjs [--port N] [--host 127.0.0.1] [--dir PATH] [--extra-dir PATH]...
 *
 * Extra folders (e.g. e2e fixtures) are overlaid on the main one: a repo
 * `org/name` is served from the first of main, extra1, extra2... where
 * `<folder>/<org>/<name>` is a directory; `/api/models` lists them all.
 * The command line also overlays e2e/fixtures/models (git-ignored), where it
 * first writes the fixtures the repo generates rather than stores (the
 * captioning model, see make-caption-fixture.mjs). Symlinked folders count.
 *
 * Only files inside the folders are served. An org or model folder that is a link is the operator's
 * layout and is followed anywhere (also a Hub cache snapshot, with its blobs); a link deeper inside a
 * model (repo content, e.g. from a Git clone) that resolves outside all of them is a 404, logged to
 * stderr. CORS: any origin may GET/HEAD, with the request headers the app sends (Range, conditionals).
 *
 * Routes (GET and HEAD; OPTIONS answers CORS preflight):
 *   /<org>/<name>/resolve/<revision>/<path...>   a file (Range, ETag, 304)
 *   /api/models?search=&filter=&limit=             model search (see mirror-catalog.mjs)
 *   /api/models/<org>/<name>[/revision/<rev>]      one model
 *
 * Environment: MODELS_DIR (folder, default ../shared/models from the repo
 * root), MIRROR_EXTRA_DIRS (extra folders separated by `path.delimiter`,
 * i.e. `:` or `;` on Windows; --extra-dir replaces it), MIRROR_PORT (default
 * 8089), MIRROR_LOG=1 (log each request to stderr), MIRROR_THROTTLE_KBPS
 * (stream file bodies at about that many KiB/s).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FIXTURE_ID as CAPTION_FIXTURE_ID, writeCaptionFixture } from './make-caption-fixture.mjs';
import { SMOLVLM_FIXTURE_ID, writeSmolvlmFixture } from './make-smolvlm-fixture.mjs';
import { FLORENCE_FIXTURE_ID, writeFlorenceFixture } from './make-florence-fixture.mjs';
import { CLIP_FIXTURE_ID, OWL_FIXTURE_ID, writeVisionTextFixtures } from './make-vision-text-fixtures.mjs';
import { reexportStories, STORIES_ID, STORIES_REEXPORT_ID } from './llama-onnx/from-onnx.mjs';
import { etagMatches, fileValidators } from './http-validators.mjs';
import { exportTinyPangu, TINY_PANGU_ID, writeTinyPanguCheckpoint } from './llama-onnx/tiny-pangu.mjs';
import { apiResponse, findRepoDir, isSafeSegment, realBoundaries, REVISION_RE, servablePath } from './mirror-catalog.mjs';
import { fileSha256, WEIGHT_FILE_RE } from './mirror-files.mjs';

export { fileSha256 };

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'usage: node scripts/model-mirror.mjs [--port N] [--host 127.0.0.1] [--dir PATH] [--extra-dir PATH]...';

/**
 * Sent on every response, errors and 304/416 included. Any origin may read (the app can be hosted
 * anywhere, and nothing here is private or sent with credentials), and it may read the headers its
 * download code uses: sizes, ranges, validators (the X-Linked-* pair as the Hub sends them) and the
 * Hub's error code.
 */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Content-Length, Content-Range, Accept-Ranges, ETag, X-Linked-Etag, X-Linked-Size, X-Error-Code, X-Repo-Commit',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/** Request headers a preflight may ask for: what the app sends (Range) and conditional requests. */
const ALLOWED_REQUEST_HEADERS = 'Range, If-Range, If-None-Match, If-Modified-Since, Accept, Content-Type';

/**
 * @typedef {object} MirrorOptions
 * @property {string} [dir] models folder (default: MODELS_DIR or ../shared/models)
 * @property {string[]} [extraDirs] folders searched after `dir`, in order (default: MIRROR_EXTRA_DIRS)
 * @property {number} [port] default MIRROR_PORT or 8089; 0 picks a free port
 * @property {string} [host] default 127.0.0.1
 * @property {number} [throttleKbps] default MIRROR_THROTTLE_KBPS; 0 = no throttle
 * @property {boolean} [log] default MIRROR_LOG=1
 * @property {(line: string) => void} [warn] where refusals are reported (default: stderr), logged or not
 */
/**
 * `downloads` counts, per repo, full GETs of its config.json — what the Hub counts as a download —
 * so `/api/models?sort=downloads` orders by real use of this mirror.
 * @typedef {{ roots: string[], throttleKbps: number, log: boolean, warn: (line: string) => void, downloads?: Map<string, number> }} HandlerOptions
 */

export function defaultDir() {
  return path.resolve(process.env.MODELS_DIR || path.join(REPO_ROOT, '..', 'shared', 'models'));
}

/** The git-ignored folder of fixtures this repo generates instead of storing (no weights are committed). */
export const GENERATED_DIR = path.join(REPO_ROOT, 'e2e', 'fixtures', 'models');

/**
 * Writes the generated fixtures that are missing (the captioning and vision-language models, ~100 kB each; OWL-ViT
 * and CLIP, ~220 kB; the exporter's stories260K, ~1.5 MB; a tiny openPangu-Embedded checkpoint through the exporter,
 * ~0.6 MB) so the mirror offers every task with no manual step; returns the folder to overlay.
 * @param {string} [dir]
 */
export function ensureGeneratedFixtures(dir = GENERATED_DIR) {
  if (!fs.existsSync(path.join(dir, CAPTION_FIXTURE_ID, 'onnx', 'decoder_model_merged.onnx'))) writeCaptionFixture(dir);
  if (!fs.existsSync(path.join(dir, SMOLVLM_FIXTURE_ID, 'onnx', 'decoder_model_merged.onnx'))) writeSmolvlmFixture(dir);
  if (!fs.existsSync(path.join(dir, FLORENCE_FIXTURE_ID, 'onnx', 'decoder_model_merged.onnx'))) writeFlorenceFixture(dir);
  // Zero-shot detection and image similarity (OWL-ViT, CLIP in two towers), ~220 kB together.
  const visionText = [path.join(dir, OWL_FIXTURE_ID, 'onnx', 'model.onnx'), path.join(dir, CLIP_FIXTURE_ID, 'onnx', 'text_model.onnx'), path.join(dir, CLIP_FIXTURE_ID, 'onnx', 'model.onnx')];
  if (!visionText.every((file) => fs.existsSync(file))) writeVisionTextFixtures(dir);
  // The exporter's copy of stories260K (scripts/llama-onnx), when the models folder has the original.
  const stories = path.join(defaultDir(), STORIES_ID);
  const reexport = path.join(dir, STORIES_REEXPORT_ID);
  if (fs.existsSync(path.join(stories, 'onnx', 'model.onnx')) && !fs.existsSync(path.join(reexport, 'onnx', 'model_q4.onnx'))) {
    reexportStories(stories, reexport, ['fp32', 'q4']);
  }
  if (!fs.existsSync(path.join(dir, TINY_PANGU_ID, 'onnx', 'model_q4.onnx'))) writeTinyPangu(path.join(dir, TINY_PANGU_ID));
  return dir;
}

/** The released-format checkpoint in a scratch folder, exported as a user would, the checkpoint then dropped. @param {string} out */
function writeTinyPangu(out) {
  const checkpoint = fs.mkdtempSync(path.join(os.tmpdir(), 'tiny-pangu-checkpoint-'));
  try {
    exportTinyPangu(writeTinyPanguCheckpoint(checkpoint), out);
  } finally {
    fs.rmSync(checkpoint, { recursive: true, force: true });
  }
}

/**
 * `extraDirs` with the generated fixtures folder appended (once), its fixtures written when missing.
 * @param {string[]} extraDirs
 */
export function withGeneratedFixtures(extraDirs) {
  const generated = path.resolve(ensureGeneratedFixtures());
  return extraDirs.some((extra) => path.resolve(extra) === generated) ? extraDirs : [...extraDirs, generated];
}

/** MIRROR_EXTRA_DIRS split on `path.delimiter`, empty entries dropped. */
export function defaultExtraDirs() {
  return (process.env.MIRROR_EXTRA_DIRS ?? '').split(path.delimiter).filter(Boolean);
}

/**
 * Resolve `dir` and check that it is a directory, or throw
 * `<what> not found: <dir>` followed by `hint` on the next line.
 * @param {string} dir @param {string} what @param {string} hint
 */
function requireDir(dir, what, hint) {
  const resolved = path.resolve(dir);
  if (!fs.statSync(resolved, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`${what} not found: ${resolved}\n${hint}`);
  }
  return resolved;
}

const MAIN_DIR_HINT = 'Set MODELS_DIR (or pass --dir) to a folder laid out as <org>/<name>/config.json.';
const EXTRA_DIR_HINT =
  'Set MIRROR_EXTRA_DIRS (or pass --extra-dir) to folders laid out as <org>/<name>/config.json.';

/**
 * Start the mirror; resolves once it is listening.
 * @param {MirrorOptions} [options]
 * @returns {Promise<{ server: http.Server, url: string, dir: string, extraDirs: string[], close: () => Promise<void> }>}
 */
export async function startMirror(options = {}) {
  const dir = requireDir(options.dir ?? defaultDir(), 'models folder', MAIN_DIR_HINT);
  const extraDirs = (options.extraDirs ?? defaultExtraDirs()).map((extra) =>
    requireDir(extra, 'extra models folder', EXTRA_DIR_HINT),
  );
  const host = options.host ?? '127.0.0.1';
  const handlerOptions = {
    roots: [dir, ...extraDirs],
    throttleKbps: options.throttleKbps ?? (Number(process.env.MIRROR_THROTTLE_KBPS) || 0),
    log: options.log ?? process.env.MIRROR_LOG === '1',
    warn: options.warn ?? ((/** @type {string} */ line) => console.error(`model-mirror: ${line}`)),
    downloads: new Map(),
  };
  const server = http.createServer(createHandler(handlerOptions));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? (Number(process.env.MIRROR_PORT) || 8089), host, () => resolve(undefined));
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve(undefined));
      server.closeAllConnections();
    });
  return { server, url, dir, extraDirs, close: /** @type {() => Promise<void>} */ (close) };
}

/** @param {HandlerOptions} options */
function createHandler(options) {
  return (/** @type {http.IncomingMessage} */ req, /** @type {http.ServerResponse} */ res) => {
    const started = Date.now();
    if (options.log) {
      res.on('close', () => {
        console.error(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`);
      });
    }
    route(req, res, options).catch((error) => {
      if (options.log) console.error(error);
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: 'Internal error' });
    });
  };
}

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {HandlerOptions} options */
async function route(req, res, options) {
  if (req.method === 'OPTIONS') return sendPreflight(res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendJson(res, 405, { error: 'Method not allowed' }, { Allow: 'GET, HEAD, OPTIONS' });
  }
  const target = parseTarget(req.url ?? '');
  if (!target) return sendJson(res, 400, { error: 'Bad request path' });
  const { segments, query } = target;
  if (segments[0] === 'api' && segments[1] === 'models') {
    const { status, body, errorCode } = await apiResponse(options.roots, segments.slice(2), query, options.downloads);
    return sendJson(res, status, body, errorCode ? { 'X-Error-Code': errorCode } : {});
  }
  if (segments.length >= 5 && segments[2] === 'resolve') {
    return routeResolve(req, res, options, segments);
  }
  return sendJson(res, 404, { error: 'Not found' });
}

/**
 * Split a raw request target into URL-decoded path segments and a query.
 * Deliberately not `new URL()`: that would collapse `%2e%2e` before we can
 * refuse it. Returns null for a malformed target or percent-encoding.
 * @param {string} rawUrl
 */
function parseTarget(rawUrl) {
  if (!rawUrl.startsWith('/')) return null;
  const [rawPath, rawQuery = ''] = rawUrl.split('#')[0].split(/\?(.*)/s);
  try {
    const segments = rawPath.slice(1).split('/').map(decodeURIComponent);
    return { segments, query: new URLSearchParams(rawQuery) };
  } catch {
    return null;
  }
}

/**
 * `/<org>/<name>/resolve/<revision>/<path...>`; `segments` are URL-decoded.
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res
 * @param {HandlerOptions} options @param {string[]} segments
 */
async function routeResolve(req, res, options, segments) {
  if (!segments.every(isSafeSegment)) return sendJson(res, 400, { error: 'Invalid path' });
  const [org, name, , revision, ...fileParts] = segments;
  const repoDir = await findRepoDir(options.roots, org, name);
  if (!repoDir) return sendHubError(res, 'RepositoryNotFound', 'Repository not found');
  if (!REVISION_RE.test(revision)) return sendHubError(res, 'RevisionNotFound', 'Revision not found');
  const filePath = path.join(repoDir, ...fileParts);
  if (!filePath.startsWith(repoDir + path.sep)) return sendJson(res, 400, { error: 'Invalid path' });
  // Served from its real path, and only when that stays inside the models folders (see realBoundaries).
  const realPath = await servablePath(filePath, await realBoundaries(repoDir));
  if (!realPath && fs.existsSync(filePath)) options.warn(`refused ${JSON.stringify(req.url)}: a link that leads outside the models folders`);
  const stat = realPath ? await fs.promises.stat(realPath).catch(() => null) : null;
  if (!realPath || !stat?.isFile()) return sendHubError(res, 'EntryNotFound', 'Entry not found');
  if (req.method === 'GET' && !req.headers.range && fileParts.join('/') === 'config.json' && options.downloads) {
    const id = `${org}/${name}`;
    options.downloads.set(id, (options.downloads.get(id) ?? 0) + 1);
  }
  return serveFile(req, res, options, realPath, stat);
}

/**
 * What the Hub sends for an LFS file (`X-Linked-Etag: "<sha256>"`, `X-Linked-Size`), readable by the page,
 * so the app's download checks run against the mirror too.
 * @param {string} filePath @param {fs.Stats} stat @returns {Promise<Record<string, string>>}
 */
async function linkedHeaders(filePath, stat) {
  if (!WEIGHT_FILE_RE.test(filePath)) return {};
  return {
    'X-Linked-Etag': `"${await fileSha256(filePath, stat)}"`,
    'X-Linked-Size': String(stat.size),
    'Access-Control-Expose-Headers': `${CORS_HEADERS['Access-Control-Expose-Headers']}, X-Linked-Etag, X-Linked-Size`,
  };
}

/**
 * Send a file, honouring If-None-Match and a single byte Range.
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {HandlerOptions} options
 * @param {string} filePath @param {fs.Stats} stat
 */
async function serveFile(req, res, options, filePath, stat) {
  const validators = fileValidators(stat, { weak: true });
  /** @type {Record<string, string>} */
  const headers = {
    'Content-Type': contentTypeFor(filePath),
    'Accept-Ranges': 'bytes',
    ...validators,
    'Cache-Control': 'public, max-age=0, must-revalidate',
    ...(await linkedHeaders(filePath, stat)),
  };
  if (etagMatches(req.headers['if-none-match'], validators.ETag)) return send(res, 304, headers);
  const range = parseRange(req.headers.range, stat.size);
  if (range === 'unsatisfiable') {
    return send(res, 416, { ...headers, 'Content-Range': `bytes */${stat.size}`, 'Content-Length': '0' });
  }
  const { start, end } = range ?? { start: 0, end: stat.size - 1 };
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${stat.size}`;
  headers['Content-Length'] = String(end - start + 1);
  res.writeHead(range ? 206 : 200, { ...CORS_HEADERS, ...headers });
  if (req.method === 'HEAD' || end < start) return void res.end();
  const stream = fs.createReadStream(filePath, { start, end, highWaterMark: chunkSize(options.throttleKbps) });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  if (options.throttleKbps > 0) pipeThrottled(stream, res, options.throttleKbps * 1024);
  else stream.pipe(res);
}

/**
 * Parse a Range header against a file size. null means "ignore it and send
 * the whole file" (absent, malformed or multi-range).
 * @param {string | undefined} header
 * @param {number} size
 * @returns {{ start: number, end: number } | 'unsatisfiable' | null}
 */
export function parseRange(header, size) {
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? Infinity : Number(match[2]);
  if (end < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

/** @param {string} filePath */
function contentTypeFor(filePath) {
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.json') return 'application/json';
  if (ext === '.txt' || ext === '.md') return 'text/plain';
  return 'application/octet-stream';
}

/** Read-chunk size: ~10 chunks a second when throttled, Node's default otherwise. @param {number} kbps */
function chunkSize(kbps) {
  return kbps > 0 ? Math.max(1024, Math.min(64 * 1024, Math.floor((kbps * 1024) / 10))) : 64 * 1024;
}

/**
 * Copy `stream` to `res` at about `bytesPerSecond`, pausing after each chunk.
 * @param {fs.ReadStream} stream @param {http.ServerResponse} res @param {number} bytesPerSecond
 */
function pipeThrottled(stream, res, bytesPerSecond) {
  stream.on('data', (chunk) => {
    stream.pause();
    const flushed = res.write(chunk);
    let waiting = flushed ? 1 : 2;
    const resume = () => --waiting === 0 && stream.resume();
    setTimeout(resume, (chunk.length / bytesPerSecond) * 1000);
    if (!flushed) res.once('drain', resume);
  });
  stream.on('end', () => res.end());
}

/** @param {http.ServerResponse} res */
function sendPreflight(res) {
  send(res, 204, {
    'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS,
    'Access-Control-Max-Age': '600',
  });
}

/** @param {http.ServerResponse} res @param {string} code @param {string} message */
function sendHubError(res, code, message) {
  sendJson(res, 404, { error: message }, { 'X-Error-Code': code });
}

/**
 * Send `body` as JSON (no body for HEAD).
 * @param {http.ServerResponse} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers]
 */
function sendJson(res, status, body, headers = {}) {
  const json = JSON.stringify(body);
  const contentHeaders = { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(json)) };
  send(res, status, { ...contentHeaders, ...headers }, json);
}

/**
 * Write a complete response with the CORS headers; no body for HEAD.
 * @param {http.ServerResponse} res @param {number} status
 * @param {Record<string, string>} headers @param {string} [body]
 */
function send(res, status, headers, body) {
  res.writeHead(status, { ...CORS_HEADERS, ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/**
 * Parse `--port N`, `--host H`, `--dir PATH`, `--extra-dir PATH` (repeatable;
 * also `--flag=value`).
 * @param {string[]} argv
 * @returns {MirrorOptions & { help?: boolean }}
 */
function parseArgs(argv) {
  /** @type {MirrorOptions & { help?: boolean }} */
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    if (flag === '--help' || flag === '-h') return { help: true };
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`missing value for ${flag}\n${USAGE}`);
    if (flag === '--dir') options.dir = value;
    else if (flag === '--extra-dir') options.extraDirs = [...(options.extraDirs ?? []), value];
    else if (flag === '--host') options.host = value;
    else if (flag === '--port' && /^\d+$/.test(value) && Number(value) < 65536) options.port = Number(value);
    else throw new Error(`bad argument ${flag} ${value}\n${USAGE}`);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) return console.log(USAGE);
  const mirror = await startMirror({ ...options, extraDirs: withGeneratedFixtures(options.extraDirs ?? defaultExtraDirs()) });
  console.log(`model-mirror: serving ${mirror.dir} at ${mirror.url}`);
  const stop = () => mirror.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(`model-mirror: ${error.message}`);
    process.exit(1);
  });
}
