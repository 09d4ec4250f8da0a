// @ts-check
// A safetensors checkpoint through the CLI: F32 exports the same model as the weights in memory; F16 and
// BF16 are read as the values they encode.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildDecoder } from './decoder.mjs';
import { createSession, decoderStep } from './ort-run.mjs';
import { toHalf } from './quantize.mjs';
import { randomWeights, readSafetensors, weightShapes, WeightsError } from './weights.mjs';

const EXPORT = fileURLToPath(new URL('./export.mjs', import.meta.url));
const CONFIG = { hidden_size: 32, intermediate_size: 48, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, vocab_size: 40, tie_word_embeddings: true };
const dir = mkdtempSync(path.join(tmpdir(), 'safetensors-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The format: 8-byte little-endian header length, JSON header ({ name: { dtype, shape, data_offsets } }), data.
 * @param {Record<string, { dtype: string, shape: number[], bytes: Uint8Array }>} tensors
 */
function safetensors(tensors) {
  /** @type {Record<string, unknown>} */
  const header = { __metadata__: { format: 'pt' } };
  let offset = 0;
  for (const [name, t] of Object.entries(tensors)) {
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.bytes.length] };
    offset += t.bytes.length;
  }
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([length, json, ...Object.values(tensors).map((t) => Buffer.from(t.bytes))]);
}

const bytesOf = (/** @type {ArrayBufferView} */ a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

describe('safetensors checkpoints', () => {
  it('export.mjs --weights gives the model the same weights give in memory', async () => {
    const weights = randomWeights(CONFIG, 9);
    const file = path.join(dir, 'model.safetensors');
    const shapes = new Map(weightShapes(CONFIG));
    writeFileSync(file, safetensors(Object.fromEntries([...weights].map(([name, w]) => [name, { dtype: 'F32', shape: shapes.get(name) ?? [], bytes: bytesOf(w) }]))));
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify(CONFIG));
    writeFileSync(path.join(dir, 'tokenizer.json'), '{}');
    const out = path.join(dir, 'out');
    execFileSync(process.execPath, [EXPORT, '--config', path.join(dir, 'config.json'), '--weights', file, '--tokenizer', path.join(dir, 'tokenizer.json'), '--precisions', 'fp32,q8', '--out', out]);
    assert.equal(JSON.parse(readFileSync(path.join(out, 'config.json'), 'utf8')).model_type, 'llama');
    const fromFile = await createSession(path.join(out, 'onnx/model.onnx'));
    const inMemory = await createSession(buildDecoder(CONFIG, weights, 'fp32'));
    const [a, b] = await Promise.all([decoderStep(fromFile, CONFIG, [1, 2, 3], null), decoderStep(inMemory, CONFIG, [1, 2, 3], null)]);
    assert.deepEqual(a.rows, b.rows);
    assert.ok(readFileSync(path.join(out, 'onnx/model_quantized.onnx')).length > 0);
  });

  it('reads F16 and BF16 as their float values, and names a dtype it cannot read', () => {
    const values = [1, -2.5, 0.0999755859375, 65504]; // exact in half precision
    const bf16 = Uint16Array.from(values, (v) => new Uint32Array(Float32Array.of(v).buffer)[0] >>> 16);
    const file = safetensors({
      half: { dtype: 'F16', shape: [4], bytes: bytesOf(Uint16Array.from(values, toHalf)) },
      brain: { dtype: 'BF16', shape: [4], bytes: bytesOf(bf16) },
    });
    const read = readSafetensors(file);
    assert.deepEqual(Array.from(/** @type {Float32Array} */ (read.get('half'))), values);
    assert.deepEqual(Array.from(/** @type {Float32Array} */ (read.get('brain'))), [1, -2.5, 0.099609375, 65280]);
    assert.throws(() => readSafetensors(safetensors({ q: { dtype: 'I8', shape: [1], bytes: new Uint8Array(1) } })), WeightsError);
  });

  it('names a file that is not safetensors, and one cut short, by path', () => {
    const notOne = path.join(dir, 'notes.safetensors');
    writeFileSync(notOne, 'this is text, not a checkpoint');
    assert.throws(() => readSafetensors(notOne), (error) => error instanceof WeightsError && error.message.startsWith(`${notOne} is not a safetensors file`));
    const whole = safetensors({ w: { dtype: 'F32', shape: [4], bytes: bytesOf(Float32Array.of(1, 2, 3, 4)) } });
    const cut = path.join(dir, 'cut.safetensors');
    writeFileSync(cut, whole.subarray(0, whole.length - 3));
    assert.throws(() => readSafetensors(cut), (error) => error instanceof WeightsError && error.message === `${cut}: tensor w ends past the end of the file (truncated download?)`);
  });
});
