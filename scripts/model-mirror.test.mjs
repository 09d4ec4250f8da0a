// @ts-check
// Tests for scripts/model-mirror.mjs — run with `node --test scripts/`.
import crypto from 'node:crypto';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FIXTURE_ID as CAPTION_ID } from './make-caption-fixture.mjs';
import { SMOLVLM_FIXTURE_ID } from './make-smolvlm-fixture.mjs';
import { FLORENCE_FIXTURE_ID } from './make-florence-fixture.mjs';
import { CLIP_FIXTURE_ID, OWL_FIXTURE_ID } from './make-vision-text-fixtures.mjs';
import { getModel, inferPipelineTag, listModels, parseLimit } from './mirror-catalog.mjs';
import { defaultDir, ensureGeneratedFixtures, parseRange, startMirror } from './model-mirror.mjs';

const SCRIPT = fileURLToPath(new URL('./model-mirror.mjs', import.meta.url));
const ONNX = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
const BIG = Buffer.alloc(32 * 1024, 7);

/** Fake Hub layout; values are file contents (objects are written as JSON). */
const FIXTURE = {
  'acme/tiny-bert/config.json': { architectures: ['BertForSequenceClassification'], model_type: 'bert' },
  'acme/tiny-bert/tokenizer.json': {},
  'acme/tiny-bert/onnx/model.onnx': ONNX,
  'acme/tiny-bert/onnx/big.bin': BIG,
  'acme/tiny-bert/empty.bin': '',
  'acme/tiny-bert/README.md': '# tiny',
  'acme/tiny-bert/notes/with space.txt': 'spaced',
  'acme/tiny-llama/config.json': { architectures: ['LlamaForCausalLM'], model_type: 'llama' },
  'other/embedder/config.json': { architectures: ['BertModel'], model_type: 'bert' },
  'other/embedder/tokenizer.json': {},
  'other/embedder/onnx/model.onnx': 'w',
  'other/explicit/config.json': { pipeline_tag: 'summarization', architectures: ['BertForMaskedLM'] },
  'other/explicit/onnx/model.onnx': 'w',
  'other/t5-small/config.json': { architectures: ['T5ForConditionalGeneration'], model_type: 't5' },
  'other/t5-small/onnx/encoder_model.onnx': 'w',
  'other/bare/config.json': {},
  'other/bare/onnx/model.onnx': 'w',
  'noconfig/weights/weights.bin': 'w',
  'secret.txt': 'top secret',
};

/** Overlay folders: one repo only here, one shadowed by the main folder, one in both extras. */
const EXTRA_FIXTURE = {
  'fixture/only-extra/config.json': { architectures: ['LlamaForCausalLM'] },
  'fixture/only-extra/onnx/model.onnx': 'extra weights',
  'fixture/in-both-extras/config.json': { pipeline_tag: 'fill-mask' },
  'acme/tiny-llama/config.json': { pipeline_tag: 'summarization' },
  'acme/tiny-llama/extra-only.txt': 'shadowed',
};
const EXTRA2_FIXTURE = {
  'fixture/in-both-extras/config.json': { pipeline_tag: 'translation' },
  'zzz/last/config.json': {},
};

/** @type {string} */ let tmp;
/** @type {string} */ let dir;
/** @type {string} */ let extraDir;
/** @type {string} */ let extraDir2;
/** @type {Awaited<ReturnType<typeof startMirror>>} */ let mirror;

/**
 * Write a fixture tree under `root`; objects are written as JSON.
 * @param {string} root @param {Record<string, unknown>} tree
 */
function writeTree(root, tree) {
  for (const [rel, content] of Object.entries(tree)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const data = typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content);
    fs.writeFileSync(file, data);
  }
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'model-mirror-'));
  dir = path.join(tmp, 'models');
  extraDir = path.join(tmp, 'extra');
  extraDir2 = path.join(tmp, 'extra2');
  writeTree(dir, FIXTURE);
  writeTree(extraDir, EXTRA_FIXTURE);
  writeTree(extraDir2, EXTRA2_FIXTURE);
  fs.writeFileSync(path.join(tmp, 'outside.txt'), 'outside');
  mirror = await startMirror({ dir, extraDirs: [], port: 0, host: '127.0.0.1', throttleKbps: 0, log: false });
});

after(async () => {
  await mirror?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** @param {string} p @param {RequestInit} [init] */
const get = (p, init) => fetch(new URL(p, mirror.url), init);
const file = (/** @type {string} */ rel) => get(`acme/tiny-bert/resolve/main/${rel}`);
const ranged = (/** @type {string} */ rel, /** @type {string} */ range) =>
  get(`acme/tiny-bert/resolve/main/${rel}`, { headers: { Range: range } });

/**
 * A request with the path sent exactly as given (fetch would normalise `%2e%2e`).
 * @param {string} method
 * @param {string} rawPath
 * @param {Record<string, string>} [headers]
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, body: string }>}
 */
function rawRequest(method, rawPath, headers = {}) {
  const { hostname, port } = new URL(mirror.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method, path: rawPath, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('resolve', () => {
  test('GET serves the file with Hub-like headers', async () => {
    const res = await file('onnx/model.onnx');
    assert.equal(res.status, 200);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), ONNX);
    assert.equal(res.headers.get('content-length'), '1000');
    assert.equal(res.headers.get('content-type'), 'application/octet-stream');
    assert.equal(res.headers.get('accept-ranges'), 'bytes');
    assert.match(res.headers.get('etag') ?? '', /^W\/".+"$/);
    assert.ok(Date.parse(res.headers.get('last-modified') ?? '') > 0);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=0, must-revalidate');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });

  test('weight files carry the Hub\'s X-Linked-Etag (sha256) and X-Linked-Size, readable cross-origin', async () => {
    const sha = crypto.createHash('sha256').update(ONNX).digest('hex');
    for (const res of [await file('onnx/model.onnx'), await ranged('onnx/model.onnx', 'bytes=0-0')]) {
      assert.equal(res.headers.get('x-linked-etag'), `"${sha}"`);
      assert.equal(res.headers.get('x-linked-size'), '1000');
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /X-Linked-Etag, X-Linked-Size/);
      await res.arrayBuffer();
    }
    const config = await file('config.json');
    assert.equal(config.headers.get('x-linked-etag'), null);
    await config.arrayBuffer();
  });

  test('content types, revisions and URL-decoded segments', async () => {
    assert.equal((await file('config.json')).headers.get('content-type'), 'application/json');
    assert.equal((await file('README.md')).headers.get('content-type'), 'text/plain');
    const spaced = await file('notes/with%20space.txt');
    assert.equal(await spaced.text(), 'spaced');
    const pinned = await get('acme/tiny-bert/resolve/v1.0-rc_2/config.json');
    assert.equal(pinned.status, 200);
  });

  test('HEAD sends headers only', async () => {
    const res = await get('acme/tiny-bert/resolve/main/onnx/model.onnx', { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-length'), '1000');
    assert.equal((await res.arrayBuffer()).byteLength, 0);
  });

  test('Range bytes=0-0 gives one byte and the total size', async () => {
    const res = await ranged('onnx/model.onnx', 'bytes=0-0');
    assert.equal(res.status, 206);
    assert.equal(res.headers.get('content-range'), 'bytes 0-0/1000');
    assert.equal(res.headers.get('content-length'), '1');
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), ONNX.subarray(0, 1));
  });

  test('Range a-b, open-ended, suffix and past-the-end end', async () => {
    const cases = [
      ['bytes=10-19', 10, 19],
      ['bytes=990-', 990, 999],
      ['bytes=-5', 995, 999],
      ['bytes=-5000', 0, 999],
      ['bytes=900-5000', 900, 999],
    ];
    for (const [range, start, end] of /** @type {[string, number, number][]} */ (cases)) {
      const res = await ranged('onnx/model.onnx', range);
      assert.equal(res.status, 206, range);
      assert.equal(res.headers.get('content-range'), `bytes ${start}-${end}/1000`, range);
      assert.equal(res.headers.get('content-length'), String(end - start + 1), range);
      assert.deepEqual(Buffer.from(await res.arrayBuffer()), ONNX.subarray(start, end + 1), range);
    }
  });

  test('unsatisfiable ranges give 416 with the total size', async () => {
    for (const [rel, range, total] of [
      ['onnx/model.onnx', 'bytes=1000-', 1000],
      ['onnx/model.onnx', 'bytes=5000-6000', 1000],
      ['onnx/model.onnx', 'bytes=-0', 1000],
      ['empty.bin', 'bytes=0-0', 0],
      ['empty.bin', 'bytes=-10', 0],
    ]) {
      const res = await ranged(String(rel), String(range));
      assert.equal(res.status, 416, `${rel} ${range}`);
      assert.equal(res.headers.get('content-range'), `bytes */${total}`);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      await res.arrayBuffer();
    }
  });

  test('malformed or multi-range headers are ignored (200, full file)', async () => {
    for (const range of ['bytes=0-1,5-6', 'bytes=abc', 'items=0-1', 'bytes=-', 'bytes=9-3']) {
      const res = await ranged('onnx/model.onnx', range);
      assert.equal(res.status, 200, range);
      assert.equal(res.headers.get('content-range'), null);
      assert.equal((await res.arrayBuffer()).byteLength, 1000, range);
    }
    const empty = await file('empty.bin');
    assert.equal(empty.status, 200);
    assert.equal(empty.headers.get('content-length'), '0');
  });

  test('parseRange edge cases', () => {
    assert.equal(parseRange(undefined, 10), null);
    assert.deepEqual(parseRange('bytes=0-', 10), { start: 0, end: 9 });
    assert.equal(parseRange('bytes=10-', 10), 'unsatisfiable');
  });

  test('If-None-Match with the ETag gives 304', async () => {
    const first = await file('config.json');
    const etag = first.headers.get('etag') ?? '';
    await first.arrayBuffer();
    for (const value of [etag, `"nope", ${etag}`, etag.replace(/^W\//, ''), '*']) {
      const res = await get('acme/tiny-bert/resolve/main/config.json', { headers: { 'If-None-Match': value } });
      assert.equal(res.status, 304, value);
      assert.equal(res.headers.get('etag'), etag);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
    }
    const stale = await get('acme/tiny-bert/resolve/main/config.json', { headers: { 'If-None-Match': 'W/"x"' } });
    assert.equal(stale.status, 200);
    await stale.arrayBuffer();
  });

  test('RepositoryNotFound, EntryNotFound and RevisionNotFound', async () => {
    /** @type {[string, string, string][]} */
    const cases = [
      ['nobody/nothing/resolve/main/config.json', 'RepositoryNotFound', 'Repository not found'],
      ['acme/secret.txt/resolve/main/x', 'RepositoryNotFound', 'Repository not found'],
      ['acme/tiny-bert/resolve/main/missing.json', 'EntryNotFound', 'Entry not found'],
      ['acme/tiny-bert/resolve/main/onnx', 'EntryNotFound', 'Entry not found'],
      ['acme/tiny-bert/resolve/bad%20rev/config.json', 'RevisionNotFound', 'Revision not found'],
    ];
    for (const [p, code, message] of cases) {
      const res = await get(p);
      assert.equal(res.status, 404, p);
      assert.equal(res.headers.get('x-error-code'), code, p);
      assert.deepEqual(await res.json(), { error: message });
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /X-Error-Code/);
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
    }
  });

  test('path traversal is refused with 400', async () => {
    for (const p of [
      '/acme/tiny-bert/resolve/main/%2e%2e/%2e%2e/secret.txt',
      '/acme/tiny-bert/resolve/main/../../secret.txt',
      '/acme/tiny-bert/resolve/main/..%2f..%2fsecret.txt',
      '/acme/tiny-bert/resolve/main/%2e%2e%5c%2e%2e%5csecret.txt',
      '/acme/tiny-bert/resolve/main//etc/passwd',
      '/acme/tiny-bert/resolve/main/config.json%00.txt',
      '/%2e%2e/models/resolve/main/outside.txt',
      '/acme/tiny-bert/resolve/%2e%2e/config.json',
      '/acme/tiny-bert/resolve/main/bad%zzescape',
    ]) {
      const res = await rawRequest('GET', p);
      assert.equal(res.status, 400, p);
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.doesNotMatch(res.body, /secret|outside/);
    }
  });
});

describe('CORS and other routes', () => {
  test('OPTIONS preflight', async () => {
    const res = await rawRequest('OPTIONS', '/acme/tiny-bert/resolve/main/config.json', {
      Origin: 'http://localhost:5173',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'range, x-custom',
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['access-control-allow-methods'], 'GET, HEAD, OPTIONS');
    // Only the headers the app sends (Range) and conditional ones; a header it never sends is not allowed.
    assert.equal(res.headers['access-control-allow-headers'], 'Range, If-Range, If-None-Match, If-Modified-Since, Accept, Content-Type');
    assert.equal(res.headers['access-control-max-age'], '600');
    const file = await get('acme/tiny-bert/resolve/main/config.json');
    const exposed = (file.headers.get('access-control-expose-headers') ?? '').split(/,\s*/);
    for (const name of ['Content-Length', 'Content-Range', 'ETag', 'X-Linked-Etag', 'X-Linked-Size', 'Accept-Ranges', 'X-Error-Code']) {
      assert.ok(exposed.includes(name), `${name} is exposed`);
    }
  });

  test('unknown paths and methods', async () => {
    const res = await get('whatever');
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), { error: 'Not found' });
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal((await get('acme/tiny-bert/resolve/main/config.json', { method: 'POST' })).status, 405);
  });
});

describe('/api/models', () => {
  /** @param {string} query */
  const ids = async (query) => (await (await get(`api/models${query}`)).json()).map((/** @type {any} */ m) => m.id);

  test('lists repos with a config.json, sorted by id', async () => {
    assert.deepEqual(await ids(''), [
      'acme/tiny-bert',
      'acme/tiny-llama',
      'other/bare',
      'other/embedder',
      'other/explicit',
      'other/t5-small',
    ]);
  });

  test('search, filter and limit', async () => {
    assert.deepEqual(await ids('?search=TINY'), ['acme/tiny-bert', 'acme/tiny-llama']);
    assert.deepEqual(await ids('?filter=text-generation'), ['acme/tiny-llama']);
    assert.deepEqual(await ids('?filter=feature-extraction&search=embed'), ['other/embedder']);
    assert.deepEqual(await ids('?limit=2'), ['acme/tiny-bert', 'acme/tiny-llama']);
    assert.equal((await ids('?limit=abc')).length, 6);
    assert.deepEqual(await ids('?search=zzz'), []);
    assert.deepEqual([parseLimit(null), parseLimit('0'), parseLimit('7'), parseLimit('100000')], [50, 50, 7, 500]);
    const head = await get('api/models', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-type'), 'application/json');
  });

  test('item shape and pipeline tags', async () => {
    /** @type {any[]} */
    const models = await (await get('api/models')).json();
    const byId = Object.fromEntries(models.map((m) => [m.id, m]));
    const bert = byId['acme/tiny-bert'];
    assert.equal(bert.modelId, 'acme/tiny-bert');
    assert.equal(bert.pipeline_tag, 'text-classification');
    assert.equal(bert.library_name, 'transformers.js');
    assert.deepEqual(bert.tags, ['transformers.js', 'onnx', 'text-classification']);
    // Earlier tests fetched its config.json: downloads count what this mirror served.
    assert.ok(Number.isInteger(bert.downloads) && bert.downloads > 0);
    assert.equal(byId['other/embedder'].downloads, 0);
    assert.equal(bert.likes, 0);
    assert.ok(!Number.isNaN(Date.parse(bert.lastModified)));
    assert.deepEqual(
      bert.siblings.map((/** @type {any} */ s) => s.rfilename),
      ['README.md', 'config.json', 'empty.bin', 'notes/with space.txt', 'onnx/big.bin', 'onnx/model.onnx', 'tokenizer.json'],
    );
    assert.equal(byId['other/embedder'].pipeline_tag, 'feature-extraction');
    assert.equal(byId['other/explicit'].pipeline_tag, 'summarization');
    assert.equal(byId['other/t5-small'].pipeline_tag, 'text2text-generation');
    assert.equal(byId['other/bare'].pipeline_tag, null);
    assert.deepEqual(byId['other/bare'].tags, ['transformers.js', 'onnx']);
    // No ONNX file: not a Transformers.js model, so a search for those (the app's) leaves it out.
    assert.equal(byId['acme/tiny-llama'].library_name, 'transformers');
    assert.deepEqual(byId['acme/tiny-llama'].tags, ['transformers', 'text-generation']);
    assert.deepEqual(await ids('?pipeline_tag=text-generation&library=transformers.js'), []);
  });

  test('Hub query parameters: pipeline_tag, library, sort by downloads and direction', async () => {
    assert.deepEqual(await ids('?pipeline_tag=text-generation'), ['acme/tiny-llama']);
    assert.deepEqual(await ids('?pipeline_tag=text-classification&library=transformers.js'), ['acme/tiny-bert']);
    assert.deepEqual(await ids('?library=pytorch'), []);
    // Downloads are counted from full GETs of config.json (Range requests and other files do not count).
    for (let i = 0; i < 2; i++) await (await get('other/t5-small/resolve/main/config.json')).arrayBuffer();
    await (await get('acme/tiny-llama/resolve/main/config.json')).arrayBuffer();
    await (await get('other/bare/resolve/main/config.json', { headers: { Range: 'bytes=0-0' } })).arrayBuffer();
    await (await file('tokenizer.json')).arrayBuffer();
    const sorted = await (await get('api/models?sort=downloads&direction=-1&library=transformers.js&search=o')).json();
    assert.deepEqual(
      sorted.map((/** @type {any} */ m) => [m.id, m.downloads]),
      [['other/t5-small', 2], ['other/bare', 0], ['other/embedder', 0], ['other/explicit', 0]],
    );
    const counts = Object.fromEntries(
      (await (await get('api/models?sort=downloads')).json()).map((/** @type {any} */ m) => [m.id, m.downloads]),
    );
    assert.equal(counts['acme/tiny-llama'], 1);
    assert.deepEqual((await ids('?sort=downloads&direction=1&search=other')).slice(-1), ['other/t5-small']);
    assert.deepEqual(await ids('?sort=nonsense&limit=2'), ['acme/tiny-bert', 'acme/tiny-llama']);
    assert.equal((await (await get('api/models/other/t5-small')).json()).downloads, 2);
  });

  test('inferPipelineTag mapping', () => {
    /** @type {[Record<string, any>, string | null][]} */
    const cases = [
      [{ architectures: ['ViTForImageClassification'] }, 'image-classification'],
      [{ architectures: ['DetrForObjectDetection'] }, 'object-detection'],
      [{ architectures: ['BertForTokenClassification'] }, 'token-classification'],
      [{ architectures: ['BertForQuestionAnswering'] }, 'question-answering'],
      [{ architectures: ['BertForMaskedLM'] }, 'fill-mask'],
      [{ architectures: ['SegformerForSemanticSegmentation'] }, 'image-segmentation'],
      [{ architectures: ['DPTForDepthEstimation'] }, 'depth-estimation'],
      [{ architectures: ['ISNetDIS'], model_type: 'isnet' }, 'background-removal'],
      [{ architectures: ['CLIPModel'], model_type: 'clip' }, 'zero-shot-image-classification'],
      [{ architectures: ['BartForConditionalGeneration'], model_type: 'bart' }, null],
      [{ architectures: ['BertForSequenceClassification'], label2id: { entailment: 0, neutral: 1, contradiction: 2 } }, 'zero-shot-classification'],
      [{ architectures: ['BertForSequenceClassification'], id2label: { 0: 'CONTRADICTION', 1: 'ENTAILMENT' } }, 'zero-shot-classification'],
      [{ architectures: ['BertForSequenceClassification'], id2label: { 0: 'NEGATIVE', 1: 'POSITIVE' } }, 'text-classification'],
      [{ architectures: ['VisionEncoderDecoderModel'], model_type: 'vision-encoder-decoder' }, 'image-to-text'],
    ];
    for (const [config, expected] of cases) assert.equal(inferPipelineTag(config, []), expected);
  });

  test('single repo, with and without revision', async () => {
    const one = await (await get('api/models/acme/tiny-llama')).json();
    assert.equal(one.id, 'acme/tiny-llama');
    assert.equal(one.pipeline_tag, 'text-generation');
    const pinned = await (await get('api/models/acme/tiny-llama/revision/main')).json();
    assert.deepEqual(pinned, one);
    for (const p of ['api/models/nobody/nothing', 'api/models/noconfig/weights']) {
      const res = await get(p);
      assert.equal(res.status, 404);
      assert.equal(res.headers.get('x-error-code'), 'RepositoryNotFound');
      assert.deepEqual(await res.json(), { error: 'Repository not found' });
    }
  });
});

describe('/api/models file metadata, as the Hub gives it', () => {
  const sha = () => crypto.createHash('sha256').update(ONNX).digest('hex');
  /** Git's blob id of a content. @param {string | Buffer} content */
  const gitOid = (content) => crypto.createHash('sha1').update(`blob ${Buffer.byteLength(content)}\0`).update(content).digest('hex');

  test('tree/<rev>?recursive=true lists every file with its size; weight files with lfs.oid = sha256 and lfs.size', async () => {
    const entries = await (await get('api/models/acme/tiny-bert/tree/main?recursive=true')).json();
    const onnx = entries.find((/** @type {any} */ e) => e.path === 'onnx/model.onnx');
    const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${sha()}\nsize 1000\n`;
    assert.deepEqual(onnx, { type: 'file', oid: gitOid(pointer), size: 1000, path: 'onnx/model.onnx', lfs: { oid: sha(), size: 1000, pointerSize: pointer.length } });
    const config = entries.find((/** @type {any} */ e) => e.path === 'config.json');
    const configBytes = fs.readFileSync(path.join(dir, 'acme/tiny-bert/config.json'));
    assert.deepEqual(config, { type: 'file', oid: gitOid(configBytes), size: configBytes.length, path: 'config.json' });
  });

  test('tree/<rev> without recursive lists folders; tree/<rev>/<folder> what is in it; unknown ones are 404', async () => {
    const top = await (await get('api/models/acme/tiny-bert/tree/main')).json();
    assert.ok(top.some((/** @type {any} */ e) => e.type === 'directory' && e.path === 'onnx'));
    assert.ok(!top.some((/** @type {any} */ e) => e.path === 'onnx/model.onnx'));
    const inside = await (await get('api/models/acme/tiny-bert/tree/main/onnx')).json();
    assert.ok(inside.some((/** @type {any} */ e) => e.path === 'onnx/model.onnx' && e.lfs?.oid === sha()));
    for (const [p, code] of [['api/models/nobody/nothing/tree/main', 'RepositoryNotFound'], ['api/models/acme/tiny-bert/tree/main/nope', 'EntryNotFound']]) {
      const res = await get(p);
      assert.equal(res.status, 404);
      assert.equal(res.headers.get('x-error-code'), code);
      await res.arrayBuffer();
    }
  });

  test('?blobs=true gives each sibling its blobId, size and lfs { sha256, size, pointerSize }', async () => {
    const model = await (await get('api/models/acme/tiny-bert?blobs=true')).json();
    const onnx = model.siblings.find((/** @type {any} */ s) => s.rfilename === 'onnx/model.onnx');
    assert.equal(onnx.size, 1000);
    assert.equal(onnx.lfs.sha256, sha());
    assert.equal(onnx.lfs.size, 1000);
    const plain = await (await get('api/models/acme/tiny-bert')).json();
    assert.deepEqual(plain.siblings.find((/** @type {any} */ s) => s.rfilename === 'onnx/model.onnx'), { rfilename: 'onnx/model.onnx' });
  });
});

describe('extra dirs', () => {
  /** @type {Awaited<ReturnType<typeof startMirror>>} */ let overlay;
  before(async () => {
    overlay = await startMirror({ dir, extraDirs: [extraDir, extraDir2], port: 0, log: false });
  });
  after(() => overlay?.close());

  /** @param {string} p */
  const overlayGet = (p) => fetch(new URL(p, overlay.url));

  test('a repo only in an extra dir resolves and is listed', async () => {
    const res = await overlayGet('fixture/only-extra/resolve/main/onnx/model.onnx');
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'extra weights');
    const model = await (await overlayGet('api/models/fixture/only-extra')).json();
    assert.equal(model.pipeline_tag, 'text-generation');
    /** @type {any[]} */
    const listed = await (await overlayGet('api/models')).json();
    assert.deepEqual(
      listed.map((m) => m.id),
      [
        'acme/tiny-bert',
        'acme/tiny-llama',
        'fixture/in-both-extras',
        'fixture/only-extra',
        'other/bare',
        'other/embedder',
        'other/explicit',
        'other/t5-small',
        'zzz/last',
      ],
    );
  });

  test('a repo in the main dir and an extra dir comes from the main dir', async () => {
    const config = await (await overlayGet('acme/tiny-llama/resolve/main/config.json')).json();
    assert.deepEqual(config.architectures, ['LlamaForCausalLM']);
    const shadowed = await overlayGet('acme/tiny-llama/resolve/main/extra-only.txt');
    assert.equal(shadowed.status, 404);
    assert.equal(shadowed.headers.get('x-error-code'), 'EntryNotFound');
    /** @type {any[]} */
    const listed = await (await overlayGet('api/models?search=tiny-llama')).json();
    assert.equal(listed.length, 1);
    assert.equal(listed[0].pipeline_tag, 'text-generation');
    assert.deepEqual(
      listed[0].siblings.map((/** @type {any} */ s) => s.rfilename),
      ['config.json'],
    );
  });

  test('extra dirs are searched in order', async () => {
    const model = await (await overlayGet('api/models/fixture/in-both-extras')).json();
    assert.equal(model.pipeline_tag, 'fill-mask');
    const config = await (await overlayGet('fixture/in-both-extras/resolve/main/config.json')).json();
    assert.equal(config.pipeline_tag, 'fill-mask');
  });

  test('the main mirror ignores extra dirs', async () => {
    assert.equal((await get('fixture/only-extra/resolve/main/config.json')).status, 404);
  });

  test('a missing extra dir fails to start', async () => {
    const missing = path.join(tmp, 'no-such-extra');
    await assert.rejects(startMirror({ dir, extraDirs: [extraDir, missing], port: 0, log: false }), (error) => {
      assert.ok(error instanceof Error);
      assert.equal(error.message.split('\n')[0], `extra models folder not found: ${missing}`);
      assert.match(error.message, /MIRROR_EXTRA_DIRS/);
      return true;
    });
  });
});

describe('symlinks', () => {
  test('a symlinked org or model folder is listed and served, with links inside it', async () => {
    const linked = path.join(tmp, 'linked');
    fs.mkdirSync(path.join(linked, 'real-org'), { recursive: true });
    // A model folder that is a link, and an org folder that is a link: the operator's layout, followed anywhere.
    fs.symlinkSync(path.join(dir, 'acme', 'tiny-bert'), path.join(linked, 'real-org', 'linked-bert'), 'dir');
    fs.symlinkSync(path.join(dir, 'other'), path.join(linked, 'linked-org'), 'dir');
    // Files that are links to elsewhere in the models folder.
    writeTree(path.join(linked, 'blobs'), { 'config.json': { architectures: ['BertForMaskedLM'] }, 'model.onnx': 'w' });
    fs.mkdirSync(path.join(linked, 'real-org', 'file-links', 'onnx'), { recursive: true });
    fs.symlinkSync(path.join(linked, 'blobs', 'config.json'), path.join(linked, 'real-org', 'file-links', 'config.json'));
    fs.symlinkSync('../../../blobs/model.onnx', path.join(linked, 'real-org', 'file-links', 'onnx', 'model.onnx'));
    const ids = (await listModels([linked], { limit: 100 })).map((m) => m.id);
    assert.deepEqual(ids, ['linked-org/bare', 'linked-org/embedder', 'linked-org/explicit', 'linked-org/t5-small', 'real-org/file-links', 'real-org/linked-bert']);
    const fileLinks = await getModel([linked], 'real-org', 'file-links');
    assert.equal(fileLinks?.pipeline_tag, 'fill-mask');
    assert.deepEqual(fileLinks?.siblings.map((s) => s.rfilename), ['config.json', 'onnx/model.onnx']);
    assert.equal(fileLinks?.library_name, 'transformers.js');
    const served = await startMirror({ dir: linked, extraDirs: [], port: 0, log: false });
    try {
      const res = await fetch(new URL('real-org/linked-bert/resolve/main/onnx/model.onnx', served.url));
      assert.deepEqual(Buffer.from(await res.arrayBuffer()), ONNX);
      const viaLink = await fetch(new URL('real-org/file-links/resolve/main/onnx/model.onnx', served.url));
      assert.equal(await viaLink.text(), 'w');
    } finally {
      await served.close();
    }
  });

  test('a model folder linked to a Hub cache snapshot serves the blobs its files link to', async () => {
    const cache = path.join(tmp, 'hub-cache', 'models--acme--cached');
    writeTree(path.join(cache, 'blobs'), { aaa: { architectures: ['BertForMaskedLM'] }, bbb: ONNX });
    fs.mkdirSync(path.join(cache, 'snapshots', 'abc123', 'onnx'), { recursive: true });
    fs.symlinkSync('../../blobs/aaa', path.join(cache, 'snapshots', 'abc123', 'config.json'));
    fs.symlinkSync('../../../blobs/bbb', path.join(cache, 'snapshots', 'abc123', 'onnx', 'model.onnx'));
    const models = path.join(tmp, 'cache-linked');
    fs.mkdirSync(path.join(models, 'acme'), { recursive: true });
    fs.symlinkSync(path.join(cache, 'snapshots', 'abc123'), path.join(models, 'acme', 'cached'), 'dir');
    assert.deepEqual((await getModel([models], 'acme', 'cached'))?.siblings.map((s) => s.rfilename), ['config.json', 'onnx/model.onnx']);
    const served = await startMirror({ dir: models, extraDirs: [], port: 0, log: false });
    try {
      const res = await fetch(new URL('acme/cached/resolve/main/onnx/model.onnx', served.url));
      assert.deepEqual(Buffer.from(await res.arrayBuffer()), ONNX);
    } finally {
      await served.close();
    }
  });

  test('a link inside a model that leads outside the models folders is neither listed nor served, and is logged', async () => {
    const models = path.join(tmp, 'leaky');
    writeTree(models, { 'evil/repo/config.json': { architectures: ['BertForMaskedLM'] }, 'evil/repo/onnx/model.onnx': 'w' });
    fs.symlinkSync(path.join(tmp, 'models', 'secret.txt'), path.join(models, 'evil', 'repo', 'leak.txt'));
    fs.symlinkSync(path.join(tmp, 'models', 'acme'), path.join(models, 'evil', 'repo', 'outside-dir'), 'dir');
    fs.mkdirSync(path.join(models, 'evil', 'linked-config'), { recursive: true });
    fs.symlinkSync(path.join(tmp, 'models', 'acme', 'tiny-bert', 'config.json'), path.join(models, 'evil', 'linked-config', 'config.json'));
    const model = await getModel([models], 'evil', 'repo');
    assert.deepEqual(model?.siblings.map((s) => s.rfilename), ['config.json', 'onnx/model.onnx']);
    assert.equal(await getModel([models], 'evil', 'linked-config'), null, 'a config.json that links out is not read');
    /** @type {string[]} */
    const warnings = [];
    const served = await startMirror({ dir: models, extraDirs: [], port: 0, log: false, warn: (line) => warnings.push(line) });
    try {
      for (const file of ['leak.txt', 'outside-dir/tiny-bert/config.json']) {
        const res = await fetch(new URL(`evil/repo/resolve/main/${file}`, served.url));
        assert.equal(res.status, 404, file);
        assert.equal(res.headers.get('x-error-code'), 'EntryNotFound');
        assert.doesNotMatch(await res.text(), /top secret/);
      }
      assert.equal(warnings.length, 2);
      assert.match(warnings[0], /refused "\/evil\/repo\/resolve\/main\/leak\.txt": a link that leads outside the models folders/);
      const ok = await fetch(new URL('evil/repo/resolve/main/onnx/model.onnx', served.url));
      assert.equal(await ok.text(), 'w');
    } finally {
      await served.close();
    }
  });
});

describe('generated fixtures and real tags', () => {
  test('the captioning fixture is written when missing and tagged image-to-text', async () => {
    const generated = path.join(tmp, 'generated');
    assert.equal(ensureGeneratedFixtures(generated), generated);
    const [org, name] = CAPTION_ID.split('/');
    const model = await getModel([generated], org, name);
    assert.equal(model?.pipeline_tag, 'image-to-text');
    assert.equal(model?.library_name, 'transformers.js');
    // Present: left as it is.
    const config = path.join(generated, CAPTION_ID, 'config.json');
    fs.writeFileSync(config, JSON.stringify({ architectures: ['VisionEncoderDecoderModel'], marker: 1 }));
    ensureGeneratedFixtures(generated);
    assert.equal(JSON.parse(fs.readFileSync(config, 'utf8')).marker, 1);
  });

  test('the vision-language fixtures are written when missing and tagged image-text-to-text', async () => {
    const generated = path.join(tmp, 'generated-vlm');
    ensureGeneratedFixtures(generated);
    for (const id of [SMOLVLM_FIXTURE_ID, FLORENCE_FIXTURE_ID]) {
      const [org, name] = id.split('/');
      const model = await getModel([generated], org, name);
      assert.equal(model?.pipeline_tag, 'image-text-to-text', id);
      assert.ok(model?.siblings.some((s) => s.rfilename === 'onnx/decoder_model_merged.onnx'), id);
    }
  });

  test('the OWL-ViT and two-tower CLIP fixtures are written when missing, with their tasks and files', async () => {
    const generated = path.join(tmp, 'generated-vision-text');
    ensureGeneratedFixtures(generated);
    /** @type {[string, string, string[]][]} */
    const expected = [
      [OWL_FIXTURE_ID, 'zero-shot-object-detection', ['onnx/model.onnx', 'preprocessor_config.json', 'tokenizer.json']],
      [CLIP_FIXTURE_ID, 'image-feature-extraction', ['onnx/model.onnx', 'onnx/text_model.onnx', 'onnx/vision_model.onnx', 'preprocessor_config.json', 'tokenizer.json']],
    ];
    for (const [id, tag, files] of expected) {
      const [org, name] = id.split('/');
      const model = await getModel([generated], org, name);
      assert.equal(model?.pipeline_tag, tag);
      const siblings = model?.siblings.map((s) => s.rfilename) ?? [];
      for (const file of files) assert.ok(siblings.includes(file), `${id} lists ${file}`);
    }
  });

  test('every model in the shared models folder gets its real pipeline tag', async () => {
    /** @type {Record<string, string>} */
    const expected = {
      'Megvii-BaseDetection/yolox-nano': 'object-detection',
      'fixtures/potion-base-4M-sentiment-anchors': 'text-classification',
      'fixtures/potion-base-4M-zeroshot-nli': 'zero-shot-classification',
      'imgly/isnet-general-quint8': 'background-removal',
      'karpathy/tinyllamas-stories260K': 'text-generation',
      'minishlab/potion-base-4M': 'feature-extraction',
      'onnxmodelzoo/mobilenetv2-12-int8': 'image-classification',
      'tiny-random/bert-fill-mask': 'fill-mask',
      'tiny-random/bert-nli': 'zero-shot-classification',
      'tiny-random/bert-question-answering': 'question-answering',
      'tiny-random/bert-token-classification': 'token-classification',
      'tiny-random/clip-zero-shot-image-classification': 'zero-shot-image-classification',
      'tiny-random/dpt-depth': 'depth-estimation',
      'tiny-random/segformer-segmentation': 'image-segmentation',
      'tiny-random/t5-text2text': 'text2text-generation',
      'tiny-random/vit-image-classification': 'image-classification',
    };
    const models = await listModels([defaultDir()], { limit: 500 });
    assert.deepEqual(Object.fromEntries(models.map((m) => [m.id, m.pipeline_tag])), expected);
    assert.ok(models.every((m) => m.library_name === 'transformers.js'));
  });
});

describe('throttle', () => {
  test('MIRROR_THROTTLE_KBPS-style throttling slows the body down', async () => {
    const slow = await startMirror({ dir, port: 0, throttleKbps: 64, log: false });
    try {
      const started = Date.now();
      const res = await fetch(new URL('acme/tiny-bert/resolve/main/onnx/big.bin', slow.url));
      assert.deepEqual(Buffer.from(await res.arrayBuffer()), BIG);
      // 32 KiB at 64 KiB/s is about 500 ms.
      assert.ok(Date.now() - started >= 300, `took ${Date.now() - started} ms`);
    } finally {
      await slow.close();
    }
  });
});

describe('CLI', () => {
  /** @param {string[]} args @param {Record<string, string>} [env] */
  const run = (args, env = {}) => spawn(process.execPath, [SCRIPT, ...args], { env: { ...process.env, ...env } });

  /** @param {import('node:child_process').ChildProcess} child */
  const exited = (child) =>
    child.exitCode !== null
      ? Promise.resolve(child.exitCode)
      : new Promise((resolve) => child.on('exit', (code) => resolve(code)));

  /** @param {import('node:child_process').ChildProcess} child */
  const collect = (child) => {
    const out = { stdout: '', stderr: '' };
    child.stdout?.on('data', (d) => (out.stdout += d));
    child.stderr?.on('data', (d) => (out.stderr += d));
    return out;
  };

  test('missing --dir exits 1 naming the path and MODELS_DIR', async () => {
    const missing = path.join(tmp, 'does-not-exist');
    const child = run(['--dir', missing]);
    const out = collect(child);
    assert.equal(await exited(child), 1);
    assert.ok(out.stderr.includes(missing), out.stderr);
    assert.match(out.stderr, /MODELS_DIR/);
  });

  test('MODELS_DIR is the default folder', async () => {
    const missing = path.join(tmp, 'env-missing');
    const child = run([], { MODELS_DIR: missing });
    const out = collect(child);
    assert.equal(await exited(child), 1);
    assert.ok(out.stderr.includes(missing), out.stderr);
  });

  /**
   * The first stdout line of `child`; rejects if it exits first.
   * @param {import('node:child_process').ChildProcess} child @param {{ stdout: string, stderr: string }} out
   * @returns {Promise<string>}
   */
  const firstLine = (child, out) =>
    new Promise((resolve, reject) => {
      child.stdout?.on('data', () => out.stdout.includes('\n') && resolve(out.stdout.split('\n')[0]));
      child.on('exit', () => reject(new Error(`exited early: ${out.stderr}`)));
    });

  test('prints one line when listening and serves files', async () => {
    const child = run(['--dir', dir, '--port', '0', '--host', '127.0.0.1'], { MIRROR_LOG: '', MIRROR_EXTRA_DIRS: '' });
    const out = collect(child);
    try {
      const line = await firstLine(child, out);
      const match = /^model-mirror: serving (.+) at (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(line);
      assert.ok(match, line);
      assert.equal(match[1], dir);
      const res = await fetch(new URL('acme/tiny-bert/resolve/main/config.json', match[2]));
      assert.equal(res.status, 200);
      await res.arrayBuffer();
      assert.equal(out.stdout, `${line}\n`);
    } finally {
      child.kill('SIGTERM');
      assert.equal(await exited(child), 0);
    }
  });

  test('--extra-dir (repeatable) serves overlay repos; the line is unchanged', async () => {
    const args = ['--dir', dir, '--extra-dir', extraDir, `--extra-dir=${extraDir2}`, '--port', '0'];
    const child = run(args, { MIRROR_LOG: '', MIRROR_EXTRA_DIRS: '' });
    const out = collect(child);
    try {
      const line = await firstLine(child, out);
      const match = /^model-mirror: serving (.+) at (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(line);
      assert.ok(match, line);
      assert.equal(match[1], dir);
      const res = await fetch(new URL('zzz/last/resolve/main/config.json', match[2]));
      assert.equal(res.status, 200);
      await res.arrayBuffer();
      assert.equal(out.stdout, `${line}\n`);
    } finally {
      child.kill('SIGTERM');
      assert.equal(await exited(child), 0);
    }
  });

  test('MIRROR_EXTRA_DIRS is split on path.delimiter; a missing entry exits 1', async () => {
    const missing = path.join(tmp, 'env-extra-missing');
    const child = run(['--dir', dir, '--port', '0'], { MIRROR_EXTRA_DIRS: [extraDir, missing].join(path.delimiter) });
    const out = collect(child);
    assert.equal(await exited(child), 1);
    assert.equal(out.stderr.split('\n')[0], `model-mirror: extra models folder not found: ${missing}`);
    assert.match(out.stderr, /MIRROR_EXTRA_DIRS/);
    assert.equal(out.stdout, '');
  });
});
