// @ts-check
/**
 * A Llama-family decoder's config and weights, by their Hugging Face names (PyTorch layout: a Linear's
 * weight is N outputs × K inputs): from a safetensors checkpoint or from a seeded PRNG.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { biasedProjections } from './architectures.mjs';
import { fromHalf } from './quantize.mjs';

/**
 * @typedef {{ hidden_size: number, intermediate_size: number, num_hidden_layers: number, num_attention_heads: number,
 *   num_key_value_heads?: number, vocab_size: number, rms_norm_eps?: number, rope_theta?: number, tie_word_embeddings?: boolean,
 *   attention_bias?: boolean, head_dim?: number, model_type?: string, max_position_embeddings?: number,
 *   bos_token_id?: number, eos_token_id?: number | number[], architectures?: string[], bias?: boolean,
 *   sliding_window?: number | null, [key: string]: unknown }} LlamaConfig  (a config.json: other keys are kept as they are)
 * @typedef {Required<Pick<LlamaConfig, 'hidden_size' | 'intermediate_size' | 'num_hidden_layers' | 'num_attention_heads' | 'num_key_value_heads' | 'vocab_size' | 'rms_norm_eps' | 'rope_theta' | 'tie_word_embeddings' | 'head_dim'>> & LlamaConfig} FullConfig
 * @typedef {Map<string, Float32Array>} Weights
 */

export class WeightsError extends Error {
  name = 'WeightsError';
}

/** HF defaults filled in. @param {LlamaConfig} c @returns {FullConfig} */
export function fullConfig(c) {
  return {
    ...c,
    num_key_value_heads: c.num_key_value_heads ?? c.num_attention_heads,
    rms_norm_eps: c.rms_norm_eps ?? 1e-6,
    rope_theta: c.rope_theta ?? 10000,
    tie_word_embeddings: c.tie_word_embeddings ?? false,
    head_dim: c.head_dim ?? c.hidden_size / c.num_attention_heads,
  };
}

/** Every tensor the graph reads, with its shape. @param {LlamaConfig} config @returns {[string, number[]][]} */
export function weightShapes(config) {
  const c = fullConfig(config);
  const h = c.hidden_size;
  const q = c.num_attention_heads * c.head_dim;
  const kv = c.num_key_value_heads * c.head_dim;
  /** @type {Record<string, [number, number]>} */
  const projections = { q_proj: [q, h], k_proj: [kv, h], v_proj: [kv, h], o_proj: [h, q] };
  /** @type {[string, number[]][]} */
  const shapes = [['model.embed_tokens.weight', [c.vocab_size, h]]];
  const biased = biasedProjections(c);
  for (let l = 0; l < c.num_hidden_layers; l++) {
    const p = `model.layers.${l}`;
    shapes.push([`${p}.input_layernorm.weight`, [h]], [`${p}.post_attention_layernorm.weight`, [h]]);
    for (const [name, shape] of Object.entries(projections)) {
      shapes.push([`${p}.self_attn.${name}.weight`, shape]);
      if (biased.includes(name)) shapes.push([`${p}.self_attn.${name}.bias`, [shape[0]]]);
    }
    shapes.push([`${p}.mlp.gate_proj.weight`, [c.intermediate_size, h]], [`${p}.mlp.up_proj.weight`, [c.intermediate_size, h]]);
    shapes.push([`${p}.mlp.down_proj.weight`, [h, c.intermediate_size]]);
  }
  shapes.push(['model.norm.weight', [h]]);
  if (!c.tie_word_embeddings) shapes.push(['lm_head.weight', [c.vocab_size, h]]);
  return shapes;
}

/** mulberry32: small, fast, and the same numbers everywhere. @param {number} seed */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Deterministic random weights scaled so activations stay O(1) through the layers: uniform ±√(3/K) for a
 * Linear (unit variance out), norms near 1, small biases, embeddings ±1.
 * @param {LlamaConfig} config @param {number} [seed]
 * @returns {Weights}
 */
export function randomWeights(config, seed = 1) {
  const next = rng(seed);
  /** @type {Weights} */
  const weights = new Map();
  for (const [name, shape] of weightShapes(config)) {
    const size = shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    const norm = name.endsWith('norm.weight');
    const amplitude = norm || name.endsWith('.bias') ? 0.1 : shape.length === 2 && !name.includes('embed') ? Math.sqrt(3 / shape[1]) : 1;
    for (let i = 0; i < size; i++) data[i] = (norm ? 1 : 0) + (next() * 2 - 1) * amplitude;
    weights.set(name, data);
  }
  return weights;
}

/** The shapes a checkpoint's header declares, so a wrong one is named as such (not just as a size). */
const declaredShapes = /** @type {WeakMap<Weights, Map<string, number[]>>} */ (new WeakMap());

/**
 * Every tensor of a checkpoint split over several safetensors files (model-00001-of-00004.safetensors, …).
 * @param {string[]} files
 */
export function readCheckpoint(files) {
  /** @type {Weights} */
  const weights = new Map();
  /** @type {Map<string, number[]>} */
  const shapes = new Map();
  declaredShapes.set(weights, shapes);
  for (const file of files) {
    const part = readSafetensors(file);
    for (const [name, data] of part) weights.set(name, data);
    for (const [name, shape] of declaredShapes.get(part) ?? []) shapes.set(name, shape);
  }
  return weights;
}

/** @param {number} bits */
const fromBf16 = (bits) => new Float32Array(new Uint32Array([bits << 16]).buffer)[0];

/**
 * Reads byte ranges of a safetensors source: a path (read range by range, so a checkpoint past Node's 2 GiB
 * readFileSync limit works and is never held whole) or the file's bytes.
 * @param {string | Uint8Array} source
 */
function byteSource(source) {
  if (typeof source !== 'string') return { size: source.length, read: (/** @type {number} */ from, /** @type {number} */ to) => new Uint8Array(source.subarray(from, to)), close() {} };
  const fd = openSync(source, 'r');
  return {
    size: fstatSync(fd).size,
    read(/** @type {number} */ from, /** @type {number} */ to) {
      const out = new Uint8Array(Math.max(0, to - from));
      for (let done = 0; done < out.length; ) {
        const n = readSync(fd, out, done, out.length - done, from + done);
        if (n === 0) break;
        done += n;
      }
      return out;
    },
    close: () => closeSync(fd),
  };
}

/** @typedef {Record<string, { dtype: string, shape: number[], data_offsets: [number, number] }>} SafetensorsHeader */

/** @param {ReturnType<typeof byteSource>} file @param {string} name @returns {{ header: SafetensorsHeader, base: number }} */
function readHeader(file, name) {
  try {
    if (file.size < 8) throw new Error('shorter than its 8-byte header length');
    const headerLength = Number(new DataView(file.read(0, 8).buffer).getBigUint64(0, true));
    if (headerLength > file.size - 8) throw new Error('header length past the end of the file');
    return { header: JSON.parse(new TextDecoder().decode(file.read(8, 8 + headerLength))), base: 8 + headerLength };
  } catch (error) {
    throw new WeightsError(`${name} is not a safetensors file (${/** @type {Error} */ (error).message})`);
  }
}

/**
 * A safetensors file (8-byte little-endian header length, JSON header, raw data) as float32 tensors.
 * @param {string | Uint8Array} source a path or the file's bytes
 * @returns {Weights}
 */
export function readSafetensors(source) {
  const name = typeof source === 'string' ? source : 'the safetensors bytes';
  const file = byteSource(source);
  try {
    const { header, base } = readHeader(file, name);
    /** @type {Weights} */
    const weights = new Map();
    /** @type {Map<string, number[]>} */
    const shapes = new Map();
    declaredShapes.set(weights, shapes);
    for (const [tensorName, entry] of Object.entries(header)) {
      if (tensorName === '__metadata__') continue;
      const [from, to] = entry.data_offsets;
      if (base + to > file.size) throw new WeightsError(`${name}: tensor ${tensorName} ends past the end of the file (truncated download?)`);
      weights.set(tensorName, decodeTensor(tensorName, entry.dtype, file.read(base + from, base + to)));
      if (entry.shape) shapes.set(tensorName, entry.shape);
    }
    return weights;
  } finally {
    file.close();
  }
}

/** @param {string} name @param {string} dtype @param {Uint8Array} bytes its own (aligned) copy */
function decodeTensor(name, dtype, bytes) {
  if (dtype === 'F32') return new Float32Array(bytes.buffer);
  if (dtype === 'F16') return Float32Array.from(new Uint16Array(bytes.buffer), fromHalf);
  if (dtype === 'BF16') return Float32Array.from(new Uint16Array(bytes.buffer), fromBf16);
  throw new WeightsError(`${name}: dtype ${dtype} is not supported (F32, F16 and BF16 are)`);
}

/**
 * The config with its head tied when the checkpoint has no lm_head.weight (how HF loads such a checkpoint:
 * the head shares the embedding), plus whether that changed anything.
 * @param {LlamaConfig} config @param {Weights} weights
 */
export function tieWhenHeadAbsent(config, weights) {
  if (config.tie_word_embeddings || weights.has('lm_head.weight')) return { config, tied: false };
  return { config: { ...config, tie_word_embeddings: true }, tied: true };
}

/** Every tensor the config needs is there with the right size. @param {LlamaConfig} config @param {Weights} weights */
export function checkWeights(config, weights) {
  for (const [name, shape] of weightShapes(config)) {
    const data = weights.get(name);
    const size = shape.reduce((a, b) => a * b, 1);
    if (!data) throw new WeightsError(`missing tensor ${name} [${shape}]`);
    const declared = declaredShapes.get(weights)?.get(name);
    if (declared && declared.join() !== shape.join()) throw new WeightsError(`${name} has shape [${declared}], the config needs [${shape}]`);
    if (data.length !== size) throw new WeightsError(`${name} has ${data.length} values, the config needs [${shape}] = ${size}`);
  }
}
