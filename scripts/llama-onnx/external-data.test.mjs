// @ts-check
// ONNX external data: the tiny openPangu-Embedded checkpoint exported with `--external-data` (and split into
// several side files) loads in onnxruntime-node and in Transformers.js with the single-file export's logits;
// config.json announces the side files as Transformers.js 4.3.1 reads them; and a model past ~1.8 GiB is
// written with external data rather than refused.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AutoConfig, env, ModelRegistry, pipeline } from '@huggingface/transformers';
import { startMirror } from '../model-mirror.mjs';
import { toBytes } from '../onnx-proto.mjs';
import { readCheckpointDir } from './checkpoint.mjs';
import { exportLlama } from './export.mjs';
import { DataPlacer, EXTERNAL_ABOVE_BYTES } from './external-data.mjs';
import { readModel, readModelFile } from './onnx-read.mjs';
import { createSession, decoderStep, maxDiff } from './ort-run.mjs';
import { writeTinyPanguCheckpoint } from './tiny-pangu.mjs';

const EXPORT = fileURLToPath(new URL('./export.mjs', import.meta.url));
const root = mkdtempSync(path.join(tmpdir(), 'external-data-'));
const checkpoint = path.join(root, 'checkpoint');
const models = path.join(root, 'models');
const SINGLE = 'tiny/single';
const EXTERNAL = 'tiny/external';
const SPLIT = 'tiny/split';
const CHUNK = 32 * 1024;
const PROMPT = [1, 259, 263, 285, 274, 289, 260];
after(() => rmSync(root, { recursive: true, force: true }));

const at = (/** @type {string} */ id, /** @type {string} */ file) => path.join(models, id, file);
const configOf = (/** @type {string} */ id) => JSON.parse(readFileSync(at(id, 'config.json'), 'utf8'));
/** File names in one order (`_data_10` after `_data_9`). @param {string[]} names */
const sorted = (names) => [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const onnxFiles = (/** @type {string} */ id) => sorted(readdirSync(at(id, 'onnx')));

before(() => {
  writeTinyPanguCheckpoint(checkpoint);
  execFileSync(process.execPath, [EXPORT, '--model-dir', checkpoint, '--precisions', 'fp32,fp16,q4', '--out', at(SINGLE, '')]);
  execFileSync(process.execPath, [EXPORT, '--model-dir', checkpoint, '--precisions', 'fp32,fp16,q4', '--external-data', '--out', at(EXTERNAL, '')]);
  exportLlama({ ...readCheckpointDir(checkpoint), outDir: at(SPLIT, ''), precisions: ['fp32'], externalData: true, dataChunkBytes: CHUNK });
});

/** The logits of the prompt and two cached steps, from a model file on disk. @param {string} file */
async function logits(file) {
  const { config } = readCheckpointDir(checkpoint);
  const session = await createSession(file);
  let step = await decoderStep(session, config, PROMPT, null);
  const rows = [...step.rows];
  for (const token of [300, 7]) {
    step = await decoderStep(session, config, [token], step.cache);
    rows.push(...step.rows);
  }
  await session.release();
  return rows;
}

describe('ONNX external data', () => {
  it('writes small .onnx files, the weights beside them, and says so in config.json', () => {
    assert.deepEqual(onnxFiles(SINGLE), sorted(['model.onnx', 'model_fp16.onnx', 'model_q4.onnx']));
    assert.equal(configOf(SINGLE)['transformers.js_config'].use_external_data_format, undefined);
    assert.deepEqual(onnxFiles(EXTERNAL), sorted(['model.onnx', 'model.onnx_data', 'model_fp16.onnx', 'model_fp16.onnx_data', 'model_q4.onnx', 'model_q4.onnx_data']));
    assert.deepEqual(configOf(EXTERNAL)['transformers.js_config'], { dtype: 'fp32', use_external_data_format: { 'model.onnx': 1, 'model_fp16.onnx': 1, 'model_q4.onnx': 1 } });
    for (const file of ['model.onnx', 'model_fp16.onnx']) {
      const size = (/** @type {string} */ id) => statSync(at(id, `onnx/${file}`)).size;
      assert.ok(size(EXTERNAL) < size(SINGLE) / 4, `${file}: ${size(EXTERNAL)} bytes with external data, ${size(SINGLE)} without`);
    }
    const chunks = onnxFiles(SPLIT);
    assert.ok(chunks.length > 3, chunks.join());
    assert.deepEqual(chunks.slice(0, 4), ['model.onnx', 'model.onnx_data', 'model.onnx_data_1', 'model.onnx_data_2']);
    assert.deepEqual(configOf(SPLIT)['transformers.js_config'].use_external_data_format, { 'model.onnx': chunks.length - 1 });
  });

  it('places tensors at aligned offsets inside one side file each, read back as the single file has them', () => {
    /** @type {{ location: string, offset: number, length: number }[]} */
    const seen = [];
    const file = at(SPLIT, 'onnx/model.onnx');
    const bytes = readFileSync(file);
    assert.throws(() => readModel(bytes), { name: 'OnnxReadError', message: /external data \(model\.onnx_data/ });
    readModel(bytes, (location, offset, length) => {
      seen.push({ location, offset, length });
      return new Uint8Array(length);
    });
    assert.ok(seen.length > 10);
    for (const { location, offset, length } of seen) {
      assert.equal(offset % (length >= 2 ** 20 ? 65536 : 4096), 0, `${location} @ ${offset}`);
      assert.ok(offset + length <= statSync(at(SPLIT, `onnx/${location}`)).size);
    }
    const single = readModelFile(at(SINGLE, 'onnx/model.onnx')).initializers;
    const split = readModelFile(file).initializers;
    assert.deepEqual([...split.keys()], [...single.keys()]);
    for (const [name, t] of single) assert.deepEqual(split.get(name), t, name);
  });

  it('loads in onnxruntime-node with the single-file export’s logits, in fp32, fp16, q4 and split in chunks', async () => {
    for (const file of ['model.onnx', 'model_fp16.onnx', 'model_q4.onnx']) {
      const want = await logits(at(SINGLE, `onnx/${file}`));
      assert.equal(maxDiff(await logits(at(EXTERNAL, `onnx/${file}`)), want), 0, file);
    }
    assert.equal(maxDiff(await logits(at(SPLIT, 'onnx/model.onnx')), await logits(at(SINGLE, 'onnx/model.onnx'))), 0);
  });

  it('is listed and loaded by Transformers.js from config.json alone, side files included', async () => {
    env.allowRemoteModels = false;
    env.localModelPath = `${models}/`;
    const files = await ModelRegistry.get_model_files(SPLIT, { dtype: 'fp32' });
    assert.deepEqual(files.filter((f) => f.startsWith('onnx/')), onnxFiles(SPLIT).map((f) => `onnx/${f}`));
    assert.ok((await ModelRegistry.get_model_files(EXTERNAL, { dtype: 'fp16' })).includes('onnx/model_fp16.onnx_data'));
    /** @param {string} id */
    const greedy = async (id) => {
      const config = await AutoConfig.from_pretrained(id);
      Object.assign(config, { model_type: 'llama', architectures: ['LlamaForCausalLM'] }); // what the app does
      const chat = await pipeline('text-generation', id, { dtype: 'fp32', config, session_options: { intraOpNumThreads: 1 } });
      const out = await chat.model.generate({ ...chat.tokenizer('你好'), max_new_tokens: 5, do_sample: false });
      await chat.dispose();
      return Array.from(/** @type {any} */ (out).data, Number);
    };
    assert.deepEqual(await greedy(SPLIT), await greedy(SINGLE));
  });

  it('is served by the mirror and planned as the app plans it: every side file listed, with its size', async () => {
    const mirror = await startMirror({ dir: models, extraDirs: [], port: 0, host: '127.0.0.1', throttleKbps: 0, log: false });
    try {
      Object.assign(env, { allowLocalModels: false, allowRemoteModels: true, remoteHost: mirror.url, useFSCache: false });
      // What src/runtime/transformers-runtime.ts planOnHost asks: the pipeline's files, then each one's metadata.
      const names = await ModelRegistry.get_pipeline_files('text-generation', SPLIT, { dtype: 'fp32', device: 'cpu' });
      const onnx = onnxFiles(SPLIT).map((f) => `onnx/${f}`);
      assert.deepEqual(names.filter((n) => n.startsWith('onnx/')), onnx);
      for (const name of onnx) {
        const meta = await ModelRegistry.get_file_metadata(SPLIT, name);
        assert.equal(meta.size, statSync(at(SPLIT, name)).size, name);
      }
      const served = new Uint8Array(await (await fetch(`${mirror.url}${SPLIT}/resolve/main/onnx/model.onnx_data_2`)).arrayBuffer());
      assert.deepEqual(served, new Uint8Array(readFileSync(at(SPLIT, 'onnx/model.onnx_data_2'))));
    } finally {
      Object.assign(env, { allowLocalModels: true, allowRemoteModels: false });
      await mirror.close();
    }
  });

  it('writes weights past ~1.8 GiB as external data (in 2 GiB-safe side files) instead of refusing them', () => {
    // 30 views of one 64 MiB buffer: 1.9 GiB of tensors without 1.9 GiB of memory.
    const buffer = new ArrayBuffer(64 * 2 ** 20);
    const tensors = Array.from({ length: 30 }, (_, i) => ({ name: `w${i}`, dims: [buffer.byteLength], data: new Uint8Array(buffer) }));
    assert.ok(30 * buffer.byteLength > EXTERNAL_ABOVE_BYTES);
    const auto = new DataPlacer('model_fp16.onnx');
    const graph = auto.place(tensors);
    assert.deepEqual(auto.chunks.map((c) => c.name), ['model_fp16.onnx_data', 'model_fp16.onnx_data_1']);
    assert.ok(auto.chunks.every((c) => c.pb.length <= EXTERNAL_ABOVE_BYTES));
    assert.equal(auto.chunks.reduce((n, c) => n + c.pb.length, 0), 30 * buffer.byteLength); // 64 MiB tensors need no padding
    assert.ok(graph.reduce((n, t) => n + t.length, 0) < 30 * 200);
    const small = new DataPlacer('model_q4.onnx');
    assert.equal(toBytes(small.place(tensors.slice(0, 2))[0]).length > buffer.byteLength, true);
    assert.deepEqual(small.chunks, []);
  });
});
