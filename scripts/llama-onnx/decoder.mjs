// @ts-check
/**
 * The Llama-family decoder graph in the contract Transformers.js 4.x loads for text-generation with a KV
 * cache: input_ids, attention_mask, position_ids, past_key_values.N.key/value → logits, present.N.key/value
 * (KV as [batch, kv heads, length, head_dim], the layout of the shipped stories260K file).
 * Per layer: RMSNorm → GQA attention (RoPE over the whole head, HF rotate_half) → RMSNorm → SwiGLU MLP.
 */
import { attrInt, attrInts, ELEM } from '../onnx-proto.mjs';
import { GraphBuilder } from './graph-builder.mjs';
import { biasedProjections } from './architectures.mjs';
import { checkWeights, fullConfig } from './weights.mjs';

/** @typedef {import('./weights.mjs').FullConfig} FullConfig */
/** @typedef {import('./weights.mjs').Weights} Weights */
/** @typedef {import('./graph-builder.mjs').Precision} Precision */

const NEG = -1e9; // what a masked score gets; HF uses finfo.min, either makes its softmax weight 0

/** The decoder's inputs and outputs, for the graph and for the shape tests. @param {import('./weights.mjs').LlamaConfig} config */
export function decoderIO(config) {
  const c = fullConfig(config);
  const kv = (/** @type {string} */ len) => ['batch_size', c.num_key_value_heads, len, c.head_dim];
  /** @type {[string, number, (number | string)[]][]} */
  const inputs = [
    ['input_ids', ELEM.INT64, ['batch_size', 'sequence_length']],
    ['attention_mask', ELEM.INT64, ['batch_size', 'total_sequence_length']],
    ['position_ids', ELEM.INT64, ['batch_size', 'sequence_length']],
  ];
  /** @type {[string, number, (number | string)[]][]} */
  const outputs = [['logits', ELEM.FLOAT, ['batch_size', 'sequence_length', c.vocab_size]]];
  for (let l = 0; l < c.num_hidden_layers; l++) {
    for (const t of ['key', 'value']) {
      inputs.push([`past_key_values.${l}.${t}`, ELEM.FLOAT, kv('past_sequence_length')]);
      outputs.push([`present.${l}.${t}`, ELEM.FLOAT, kv('total_sequence_length')]);
    }
  }
  return { inputs, outputs };
}

/** @param {GraphBuilder} g @param {string} x @param {Weights} w @param {string} name @param {number} eps */
function rmsNorm(g, x, w, name, eps) {
  const weight = /** @type {Float32Array} */ (w.get(name));
  // Pow → ReduceMean → Add → Sqrt → Div → Mul: the pattern onnxruntime fuses into SimplifiedLayerNormalization.
  const meanSquare = g.op('ReduceMean', [g.op('Pow', [x, g.scalar(2)])], { attrs: [attrInts('axes', [-1]), attrInt('keepdims', 1)] });
  const normed = g.op('Div', [x, g.op('Sqrt', [g.op('Add', [meanSquare, g.scalar(eps)])])]);
  return g.op('Mul', [normed, g.constant(name, [weight.length], weight)]);
}

/** cos and sin of each position × inverse frequency, [batch, 1, seq, head_dim]. @param {GraphBuilder} g @param {FullConfig} c */
function rotaryTables(g, c) {
  const half = c.head_dim / 2;
  const invFreq = Float32Array.from({ length: half }, (_, i) => 1 / c.rope_theta ** ((2 * i) / c.head_dim));
  const positions = g.op('Unsqueeze', [g.op('Cast', ['position_ids'], { attrs: [attrInt('to', ELEM.FLOAT)] }), g.ints(2)]);
  const freqs = g.op('Mul', [positions, g.constant('inv_freq', [half], invFreq)]);
  const angles = g.op('Concat', [freqs, freqs], { attrs: [attrInt('axis', -1)] });
  return { cos: g.op('Unsqueeze', [g.op('Cos', [angles]), g.ints(1)]), sin: g.op('Unsqueeze', [g.op('Sin', [angles]), g.ints(1)]) };
}

/** x·cos + rotate_half(x)·sin, rotate_half(x) = [-x₂, x₁]. @param {GraphBuilder} g @param {string} x @param {{ cos: string, sin: string }} rope @param {number} d */
function rotate(g, x, { cos, sin }, d) {
  const axis = g.ints(-1);
  const x1 = g.op('Slice', [x, g.ints(0), g.ints(d / 2), axis]);
  const x2 = g.op('Slice', [x, g.ints(d / 2), g.ints(d), axis]);
  const rotated = g.op('Concat', [g.op('Neg', [x2]), x1], { attrs: [attrInt('axis', -1)] });
  return g.op('Add', [g.op('Mul', [x, cos]), g.op('Mul', [rotated, sin])]);
}

/**
 * The additive mask [batch, 1, groups·seq, total]: 0 where key j may be seen by query i (j ≤ past + i and
 * attention_mask[j] = 1), NEG elsewhere; its rows repeat once per query head of a KV group.
 * @param {GraphBuilder} g @param {number} groups
 */
function attentionMask(g, groups) {
  const one = g.ints(1);
  const seq = g.op('Gather', [g.op('Shape', ['input_ids']), one], { attrs: [attrInt('axis', 0)] });
  const total = g.op('Gather', [g.op('Shape', ['attention_mask']), one], { attrs: [attrInt('axis', 0)] });
  const past = g.op('Sub', [total, seq]);
  const queryPos = g.op('Unsqueeze', [g.op('Add', [g.op('Range', [g.ints(0), seq, one]), past]), g.ints(1)]);
  const keyPos = g.op('Unsqueeze', [g.op('Range', [g.ints(0), total, one]), g.ints(0)]);
  const causal = g.op('Not', [g.op('Greater', [keyPos, queryPos])]);
  const padding = g.op('Unsqueeze', [g.op('Cast', ['attention_mask'], { attrs: [attrInt('to', ELEM.BOOL)] }), g.ints(1, 2)]);
  const mask = g.op('Where', [g.op('And', [causal, padding]), g.scalar(0), g.scalar(NEG)]);
  return groups === 1 ? mask : g.op('Concat', Array(groups).fill(mask), { attrs: [attrInt('axis', 2)] });
}

/**
 * @param {GraphBuilder} g @param {FullConfig} c @param {Weights} w @param {number} l @param {string} x
 * @param {{ cos: string, sin: string }} rope @param {string} mask
 */
function attention(g, c, w, l, x, rope, mask) {
  const p = `model.layers.${l}.self_attn`;
  const { num_attention_heads: heads, num_key_value_heads: kvHeads, head_dim: d, hidden_size: h } = c;
  const biased = biasedProjections(c);
  const bias = (/** @type {string} */ name) => (biased.includes(name) ? w.get(`${p}.${name}.bias`) : undefined);
  const project = (/** @type {string} */ name, /** @type {number} */ n, /** @type {number} */ k, /** @type {string} */ input) =>
    g.linear(input, `${p}.${name}`, /** @type {Float32Array} */ (w.get(`${p}.${name}.weight`)), n, k, bias(name));
  const split = (/** @type {string} */ y, /** @type {number} */ n) => g.transpose(g.op('Reshape', [y, g.ints(0, 0, n, d)]), [0, 2, 1, 3]);
  const q = rotate(g, split(project('q_proj', heads * d, h, x), heads), rope, d);
  const k = rotate(g, split(project('k_proj', kvHeads * d, h, x), kvHeads), rope, d);
  const v = split(project('v_proj', kvHeads * d, h, x), kvHeads);
  const keys = g.op('Concat', [`past_key_values.${l}.key`, k], { attrs: [attrInt('axis', 2)], name: `present.${l}.key` });
  const values = g.op('Concat', [`past_key_values.${l}.value`, v], { attrs: [attrInt('axis', 2)], name: `present.${l}.value` });
  // Query heads h = kv·G + g share KV head kv: [B, H, S, D] → [B, KV, G·S, D], one MatMul per KV head, no KV copies.
  const grouped = g.op('Reshape', [g.op('Mul', [q, g.scalar(1 / Math.sqrt(d))]), g.ints(0, kvHeads, -1, d)]);
  const scores = g.op('Add', [g.op('MatMul', [grouped, g.transpose(keys, [0, 1, 3, 2])]), mask]);
  const context = g.op('MatMul', [g.op('Softmax', [scores], { attrs: [attrInt('axis', -1)] }), values]);
  const merged = g.op('Reshape', [g.transpose(g.op('Reshape', [context, g.ints(0, heads, -1, d)]), [0, 2, 1, 3]), g.ints(0, 0, heads * d)]);
  return project('o_proj', h, heads * d, merged);
}

/** @param {GraphBuilder} g @param {FullConfig} c @param {Weights} w @param {number} l @param {string} x */
function mlp(g, c, w, l, x) {
  const p = `model.layers.${l}.mlp`;
  const { hidden_size: h, intermediate_size: m } = c;
  const get = (/** @type {string} */ name) => /** @type {Float32Array} */ (w.get(`${p}.${name}.weight`));
  const gate = g.linear(x, `${p}.gate_proj`, get('gate_proj'), m, h);
  const up = g.linear(x, `${p}.up_proj`, get('up_proj'), m, h);
  const act = g.op('Mul', [g.op('Mul', [gate, g.op('Sigmoid', [gate])]), up]);
  return g.linear(act, `${p}.down_proj`, get('down_proj'), h, m);
}

/**
 * Logits from the final hidden state. A tied fp32/fp16 head reads the embedding itself through Gemm
 * (transB), so the file holds it once; quantized heads quantize it like any Linear.
 * @param {GraphBuilder} g @param {FullConfig} c @param {Weights} w @param {string} x @param {string} embed
 */
function lmHead(g, c, w, x, embed) {
  const head = /** @type {Float32Array} */ (w.get(c.tie_word_embeddings ? 'model.embed_tokens.weight' : 'lm_head.weight'));
  if (g.precision === 'q4' || g.precision === 'q8' || !c.tie_word_embeddings) {
    return g.op('Identity', [g.linear(x, 'lm_head', head, c.vocab_size, c.hidden_size)], { name: 'logits' });
  }
  const flat = g.op('Reshape', [x, g.ints(-1, c.hidden_size)]);
  const logits = g.op('Gemm', [flat, embed], { attrs: [attrInt('transB', 1)] });
  const shape = g.op('Concat', [g.op('Shape', ['input_ids']), g.ints(c.vocab_size)], { attrs: [attrInt('axis', 0)] });
  return g.op('Reshape', [logits, shape], { name: 'logits' });
}

/**
 * The decoder as a ModelProto (chunks; see onnx-proto.mjs); `place` as in GraphBuilder.build (external data).
 * @param {import('./weights.mjs').LlamaConfig} config @param {Weights} weights @param {Precision} precision
 * @param {Parameters<GraphBuilder['build']>[1]} [place]
 */
export function buildDecoder(config, weights, precision, place) {
  const c = fullConfig(config);
  checkWeights(c, weights);
  const g = new GraphBuilder(precision);
  const embedWeight = /** @type {Float32Array} */ (weights.get('model.embed_tokens.weight'));
  const embed = g.weight('model.embed_tokens.weight', [c.vocab_size, c.hidden_size], embedWeight);
  let x = g.op('Gather', [embed, 'input_ids'], { attrs: [attrInt('axis', 0)] });
  const rope = rotaryTables(g, c);
  const mask = attentionMask(g, c.num_attention_heads / c.num_key_value_heads);
  for (let l = 0; l < c.num_hidden_layers; l++) {
    const p = `model.layers.${l}`;
    const normed = rmsNorm(g, x, weights, `${p}.input_layernorm.weight`, c.rms_norm_eps);
    x = g.op('Add', [x, attention(g, c, weights, l, normed, rope, mask)]);
    x = g.op('Add', [x, mlp(g, c, weights, l, rmsNorm(g, x, weights, `${p}.post_attention_layernorm.weight`, c.rms_norm_eps))]);
  }
  lmHead(g, c, weights, rmsNorm(g, x, weights, 'model.norm.weight', c.rms_norm_eps), embed);
  return g.build({ name: 'llama_decoder', ...decoderIO(c) }, place);
}
