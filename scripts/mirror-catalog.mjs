// @ts-check
/**
 * The `/api/models` part of the model mirror: a minimal stand-in for the
 * Hugging Face Hub model search API, computed from a folder laid out like the
 * Hub (`<dir>/<org>/<name>/config.json`, `<dir>/<org>/<name>/onnx/...`).
 *
 * Every function takes a list of such folders ("roots"), searched in order:
 * a repo `org/name` lives in the first root where `<root>/<org>/<name>` is a
 * directory, and the listing is the union of the repos of all roots.
 *
 * A folder counts as a listed model when it is exactly two levels deep and
 * contains a `config.json`. The catalog is rebuilt on every call, so files
 * added while the mirror runs show up straight away. `filter` matches any of
 * a model's tags, as on the Hub; the pipeline tag is one of them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { blobSibling, treeEntries, treeEntry } from './mirror-files.mjs';

/**
 * @typedef {object} ModelInfo
 * @property {string} id
 * @property {string} modelId
 * @property {string | null} pipeline_tag
 * @property {string} library_name
 * @property {string[]} tags
 * @property {number} downloads
 * @property {number} likes
 * @property {string} lastModified
 * @property {{ rfilename: string }[]} siblings
 */

/**
 * @typedef {object} ListQuery
 * @property {string | null} [search] case-insensitive substring of the id
 * @property {string | null} [filter] a tag, e.g. a pipeline tag such as `text-classification`
 * @property {string | null} [pipelineTag] the Hub's `pipeline_tag` parameter: only models of that task
 * @property {string | null} [library] the Hub's `library` parameter, e.g. `transformers.js`
 * @property {string | null} [sort] `downloads`, `likes`, `lastModified` or `id` (default: id)
 * @property {number} [direction] -1 (descending, the Hub's default for sort) or 1
 * @property {number} [limit]
 */

const SORT_FIELDS = new Set(['downloads', 'likes', 'lastModified', 'id']);

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

/** Revisions the mirror accepts (and then ignores: the folder has one revision). */
export const REVISION_RE = /^[\w.-]+$/;

/**
 * A decoded path segment that can neither climb out of its folder nor jump
 * elsewhere: not empty, `.` or `..`, and no slash, backslash or NUL.
 * @param {string} segment
 */
export function isSafeSegment(segment) {
  return segment !== '' && segment !== '.' && segment !== '..' && !/[\\/\0]/.test(segment);
}

/**
 * Answer `/api/models`, `/api/models/<org>/<name>` or
 * `/api/models/<org>/<name>/revision/<rev>`; the server turns the result into
 * a JSON response (with `X-Error-Code` when `errorCode` is set).
 * @param {string[]} roots models folders, in lookup order
 * @param {string[]} rest URL-decoded path segments after `/api/models`
 * @param {URLSearchParams} query
 * @param {Map<string, number>} [downloads] downloads counted so far per repo id
 * @returns {Promise<{ status: number, body: unknown, errorCode?: string }>}
 */
export async function apiResponse(roots, rest, query, downloads = new Map()) {
  if (rest.length === 0 || (rest.length === 1 && rest[0] === '')) {
    const limit = parseLimit(query.get('limit'));
    const models = await listModels(roots, {
      search: query.get('search'),
      filter: query.get('filter'),
      pipelineTag: query.get('pipeline_tag'),
      library: query.get('library'),
      sort: query.get('sort'),
      direction: query.get('direction') === '1' ? 1 : -1,
      limit,
    }, downloads);
    return { status: 200, body: models };
  }
  if (rest.length >= 4 && rest[2] === 'tree') return treeResponse(roots, rest, query);
  const isRevision = rest.length === 4 && rest[2] === 'revision';
  if (rest.length !== 2 && !isRevision) return { status: 404, body: { error: 'Not found' } };
  if (!rest.every(isSafeSegment)) return { status: 400, body: { error: 'Invalid path' } };
  if (isRevision && !REVISION_RE.test(rest[3])) {
    return { status: 404, body: { error: 'Revision not found' }, errorCode: 'RevisionNotFound' };
  }
  const model = await getModel(roots, rest[0], rest[1], downloads);
  if (!model) return { status: 404, body: { error: 'Repository not found' }, errorCode: 'RepositoryNotFound' };
  if (query.get('blobs') !== 'true') return { status: 200, body: model };
  const files = (await repoFiles(roots, rest[0], rest[1])) ?? [];
  const siblings = await Promise.all(files.map((file) => treeEntry(file.rel, file.realPath, file.stat).then(blobSibling)));
  return { status: 200, body: { ...model, siblings } };
}

/**
 * `/api/models/<org>/<name>/tree/<rev>[/<folder>]` (`?recursive=true` for everything below it), with each
 * file's size and, for weight files, its LFS sha256 and size, as the Hub answers it.
 * @param {string[]} roots @param {string[]} rest @param {URLSearchParams} query
 * @returns {Promise<{ status: number, body: unknown, errorCode?: string }>}
 */
async function treeResponse(roots, rest, query) {
  if (!rest.every(isSafeSegment)) return { status: 400, body: { error: 'Invalid path' } };
  if (!REVISION_RE.test(rest[3])) return { status: 404, body: { error: 'Revision not found' }, errorCode: 'RevisionNotFound' };
  const files = await repoFiles(roots, rest[0], rest[1]);
  if (!files) return { status: 404, body: { error: 'Repository not found' }, errorCode: 'RepositoryNotFound' };
  const under = rest.slice(4).join('/');
  if (under && !files.some((file) => file.rel.startsWith(`${under}/`))) {
    return { status: 404, body: { error: 'Entry not found' }, errorCode: 'EntryNotFound' };
  }
  return { status: 200, body: await treeEntries(files, under, /^(1|true)$/i.test(query.get('recursive') ?? '')) };
}

/**
 * The servable files of repo `org/name` with their real paths and stats, or null when there is no such repo.
 * @param {string[]} roots @param {string} org @param {string} name
 */
async function repoFiles(roots, org, name) {
  const repoDir = await findRepoDir(roots, org, name);
  if (!repoDir) return null;
  const boundaries = await realBoundaries(repoDir);
  const found = [];
  for (const rel of await listFiles(repoDir, boundaries)) {
    const realPath = await servablePath(path.join(repoDir, rel), boundaries);
    const stat = realPath ? await statOrNull(realPath) : null;
    if (realPath && stat?.isFile()) found.push({ rel, realPath, stat });
  }
  return found;
}

/** Suffix of `architectures[0]` → pipeline tag (first match wins). */
const ARCHITECTURE_TASKS = /** @type {const} */ ([
  ['ForSequenceClassification', 'text-classification'],
  ['ForCausalLM', 'text-generation'],
  ['ForImageClassification', 'image-classification'],
  ['ForObjectDetection', 'object-detection'],
  ['ForTokenClassification', 'token-classification'],
  ['ForQuestionAnswering', 'question-answering'],
  ['ForMaskedLM', 'fill-mask'],
  ['ForSemanticSegmentation', 'image-segmentation'],
  ['ForDepthEstimation', 'depth-estimation'],
]);

/** `model_type` → pipeline tag, used when the architecture says nothing. */
/** @type {Record<string, string>} */
const MODEL_TYPE_TASKS = {
  isnet: 'background-removal',
  clip: 'zero-shot-image-classification',
  // Vision-language models, as the Hub tags SmolVLM and Florence-2.
  idefics3: 'image-text-to-text',
  smolvlm: 'image-text-to-text',
  florence2: 'image-text-to-text',
};

/**
 * Work out a model's pipeline tag the way the brief for the mirror describes:
 * explicit `pipeline_tag`, then the architecture, then `model_type`, then
 * `feature-extraction` for anything with a tokenizer.
 * @param {Record<string, any>} config parsed config.json
 * @param {string[]} files repo-relative file names
 * @returns {string | null}
 */
export function inferPipelineTag(config, files) {
  if (typeof config.pipeline_tag === 'string' && config.pipeline_tag) return config.pipeline_tag;
  const architecture = Array.isArray(config.architectures) ? String(config.architectures[0] ?? '') : '';
  if (architecture.endsWith('ForSequenceClassification') && isNliConfig(config)) return 'zero-shot-classification';
  for (const [suffix, task] of ARCHITECTURE_TASKS) {
    if (architecture.endsWith(suffix)) return task;
  }
  if (architecture.endsWith('ForConditionalGeneration') && config.model_type === 't5') {
    return 'text2text-generation';
  }
  if (architecture === 'VisionEncoderDecoderModel' || config.model_type === 'vision-encoder-decoder') return 'image-to-text';
  const byType = MODEL_TYPE_TASKS[String(config.model_type)];
  if (byType) return byType;
  if (files.includes('tokenizer.json')) return 'feature-extraction';
  return null;
}

/**
 * An NLI head (labels include entailment and contradiction) is what the zero-shot pipeline runs, so the
 * Hub tags such models zero-shot-classification rather than text-classification.
 * @param {Record<string, any>} config
 */
function isNliConfig(config) {
  const labels = Object.keys(config.label2id ?? {}).concat(Object.values(config.id2label ?? {}).map(String));
  const lower = new Set(labels.map((label) => label.toLowerCase()));
  return lower.has('entailment') && lower.has('contradiction');
}

/**
 * Parse the `limit` query parameter: default 50, capped at 500.
 * @param {string | null | undefined} raw
 */
export function parseLimit(raw) {
  const n = Number(raw);
  if (!raw || !Number.isInteger(n) || n < 1) return DEFAULT_LIMIT;
  return Math.min(n, MAX_LIMIT);
}

/**
 * Search the folders like `GET /api/models`; results are sorted by id.
 * @param {string[]} roots models folders, in lookup order
 * @param {ListQuery} [query]
 * @param {Map<string, number>} [downloads] downloads counted per repo id
 * @returns {Promise<ModelInfo[]>}
 */
export async function listModels(roots, query = {}, downloads = new Map()) {
  const search = query.search?.toLowerCase() ?? '';
  const ids = (await listRepoIds(roots)).filter((id) => id.toLowerCase().includes(search));
  const models = [];
  for (const id of ids) {
    const [org, name] = id.split('/');
    const model = await getModel(roots, org, name, downloads);
    if (model && matches(model, query)) models.push(model);
  }
  return sortModels(models, query).slice(0, query.limit ?? DEFAULT_LIMIT);
}

/** @param {ModelInfo} model @param {ListQuery} query */
function matches(model, query) {
  if (query.filter && !model.tags.includes(query.filter)) return false;
  if (query.pipelineTag && model.pipeline_tag !== query.pipelineTag) return false;
  if (query.library && model.library_name !== query.library && !model.tags.includes(query.library)) return false;
  return true;
}

/**
 * Order like the Hub: by `sort` (descending unless direction is 1), ties by id. Unknown sort
 * fields are ignored, as the listing is then simply by id.
 * @param {ModelInfo[]} models @param {ListQuery} query
 */
function sortModels(models, query) {
  const field = query.sort && SORT_FIELDS.has(query.sort) ? /** @type {keyof ModelInfo} */ (query.sort) : null;
  if (!field || field === 'id') return models;
  const sign = query.direction === 1 ? 1 : -1;
  return [...models].sort((a, b) => {
    const x = a[field] ?? 0;
    const y = b[field] ?? 0;
    return (x < y ? -1 : x > y ? 1 : 0) * sign || compareStrings(a.id, b.id);
  });
}

/**
 * Describe one repo like `GET /api/models/<org>/<name>`, or null when the
 * repo is in no root or its folder (see findRepoDir) has no config.json.
 * @param {string[]} roots models folders, in lookup order
 * @param {string} org
 * @param {string} name
 * @param {Map<string, number>} [downloads] downloads counted per repo id
 * @returns {Promise<ModelInfo | null>}
 */
export async function getModel(roots, org, name, downloads = new Map()) {
  const repoDir = await findRepoDir(roots, org, name);
  if (!repoDir) return null;
  const boundaries = await realBoundaries(repoDir);
  const configPath = await servablePath(path.join(repoDir, 'config.json'), boundaries);
  const configStat = configPath ? await statOrNull(configPath) : null;
  if (!configPath || !configStat?.isFile()) return null;
  const config = await readJsonObject(configPath);
  const files = await listFiles(repoDir, boundaries);
  const id = `${org}/${name}`;
  const pipelineTag = inferPipelineTag(config, files);
  // As on the Hub, only a repo with ONNX weights is a Transformers.js model (a search for them skips the rest).
  const onnx = files.some((file) => file.endsWith('.onnx'));
  return {
    id,
    modelId: id,
    pipeline_tag: pipelineTag,
    library_name: onnx ? 'transformers.js' : 'transformers',
    tags: [...(onnx ? ['transformers.js', 'onnx'] : ['transformers']), ...(pipelineTag ? [pipelineTag] : [])],
    downloads: downloads.get(id) ?? 0,
    likes: 0,
    lastModified: configStat.mtime.toISOString(),
    siblings: files.map((rfilename) => ({ rfilename })),
  };
}

/**
 * The folder of repo `org/name`: `<root>/<org>/<name>` for the first root
 * where that is a directory, or null when there is none.
 * @param {string[]} roots models folders, in lookup order
 * @param {string} org
 * @param {string} name
 * @returns {Promise<string | null>}
 */
export async function findRepoDir(roots, org, name) {
  for (const root of roots) {
    const repoDir = path.join(root, org, name);
    if ((await statOrNull(repoDir))?.isDirectory()) return repoDir;
  }
  return null;
}

/**
 * The real folders the files of a repo may live in. The models folder, the org folder and the model folder
 * are the operator's layout: when one of them is a link (a models folder made of links, a model folder
 * linked into the Hub cache), the folder it points to counts as inside. Anything deeper is the repo's own
 * content, which may come from anywhere (a cloned Git repo can hold links): a link there that resolves
 * outside these folders, e.g. `onnx/model.onnx -> /home/me/.ssh/id_rsa`, is neither listed nor served.
 * A model folder linked to a Hub cache snapshot (`models--org--name/snapshots/<rev>`) also gets its
 * `models--org--name` folder, whose `blobs/` the snapshot's files link to.
 * @param {string} repoDir `<root>/<org>/<name>`, as findRepoDir returns it
 * @returns {Promise<string[]>}
 */
export async function realBoundaries(repoDir) {
  const orgDir = path.dirname(repoDir);
  const real = (/** @type {string} */ dir) => fs.realpath(dir).catch(() => null);
  const [rootReal, orgReal, repoReal] = await Promise.all([real(path.dirname(orgDir)), real(orgDir), real(repoDir)]);
  const snapshot = /^(.*[\\/]models--[^\\/]+)[\\/]snapshots[\\/][^\\/]+$/.exec(repoReal ?? '');
  return [rootReal, orgReal, repoReal, snapshot?.[1]].filter((dir) => typeof dir === 'string');
}

/**
 * The real path of `file` when it resolves inside one of `boundaries` (see realBoundaries), else null
 * (missing, a dangling link, or a link that leaves them).
 * @param {string} file @param {string[]} boundaries
 */
export async function servablePath(file, boundaries) {
  const real = await fs.realpath(file).catch(() => null);
  return real && isInside(real, boundaries) ? real : null;
}

/** @param {string} real a resolved path @param {string[]} dirs resolved folders */
export function isInside(real, dirs) {
  return dirs.some((dir) => real.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep));
}

/**
 * Every `org/name` that has a config.json in any root, deduplicated, sorted.
 * @param {string[]} roots
 */
async function listRepoIds(roots) {
  /** @type {Set<string>} */
  const ids = new Set();
  for (const root of roots) {
    for (const id of await repoIdsIn(root)) ids.add(id);
  }
  return [...ids].sort(compareStrings);
}

/**
 * Every `org/name` under `dir` that has a config.json.
 * Hidden folders (leading dot) are skipped.
 * @param {string} dir
 */
async function repoIdsIn(dir) {
  const ids = [];
  for (const org of await listSubdirs(dir)) {
    for (const name of await listSubdirs(path.join(dir, org))) {
      const config = await statOrNull(path.join(dir, org, name, 'config.json'));
      if (config?.isFile()) ids.push(`${org}/${name}`);
    }
  }
  return ids;
}

/**
 * What a directory entry is, following a symlink: `Dirent.isDirectory()` is false for a link to a folder
 * (a models folder made of links, or the Hub cache's snapshot links, must still be listed).
 * @param {string} dir @param {import('node:fs').Dirent} entry
 * @returns {Promise<'dir' | 'file' | null>}
 */
async function kindOf(dir, entry) {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return null;
  const stat = await statOrNull(path.join(dir, entry.name));
  return stat?.isDirectory() ? 'dir' : stat?.isFile() ? 'file' : null;
}

/** @param {string} dir */
async function listSubdirs(dir) {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = [];
  for (const entry of entries) {
    if (!entry.name.startsWith('.') && (await kindOf(dir, entry)) === 'dir') names.push(entry.name);
  }
  return names;
}

/**
 * All files under `root`, relative, with forward slashes, sorted; symlinks are followed (not into a
 * folder already on the way down, so a link loop ends), but not out of `boundaries`.
 * @param {string} root
 * @param {string[]} boundaries see realBoundaries
 * @returns {Promise<string[]>}
 */
async function listFiles(root, boundaries) {
  /** @type {string[]} */
  const files = [];
  /** @param {string} dir @param {string} prefix @param {Set<string>} seen real paths on the way down */
  const walk = async (dir, prefix, seen) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const kind = await kindOf(dir, entry);
      const rel = prefix + entry.name;
      const real = kind ? await servablePath(path.join(dir, entry.name), boundaries) : null;
      if (kind === 'file' && real) files.push(rel);
      if (kind !== 'dir') continue;
      if (real && !seen.has(real)) await walk(path.join(dir, entry.name), `${rel}/`, new Set(seen).add(real));
    }
  };
  await walk(root, '', new Set([await fs.realpath(root).catch(() => root)]));
  return files.sort(compareStrings);
}

/**
 * Read a JSON file that should hold an object; anything else reads as `{}`.
 * @param {string} file
 * @returns {Promise<Record<string, any>>}
 */
async function readJsonObject(file) {
  try {
    const value = JSON.parse(await fs.readFile(file, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

/** @param {string} p */
async function statOrNull(p) {
  return fs.stat(p).catch(() => null);
}

/** Plain code-unit order, independent of locale. @param {string} a @param {string} b */
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
