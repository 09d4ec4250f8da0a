// @ts-check
/**
 * A BERT-style encoder with seeded random weights, for speed benchmarks: input_ids, attention_mask,
 * token_type_ids → last_hidden_state (feature-extraction) or → logits (text-classification: pooler on
 * [CLS] + classifier, with id2label in its config). Post-LayerNorm, GELU (erf), learned positions.
 */
import { attrFloat, attrInt, ELEM } from '../onnx-proto.mjs';
import { GraphBuilder } from './graph-builder.mjs';
import { rng } from './weights.mjs';

/** @typedef {{ hidden_size: number, num_hidden_layers: number, num_attention_heads: number, intermediate_size: number, vocab_size: number, max_position_embeddings: number, type_vocab_size: number, layer_norm_eps: number }} BertConfig */

export const BERT_BASE = /** @type {BertConfig} */ ({ hidden_size: 768, num_hidden_layers: 12, num_attention_heads: 12, intermediate_size: 3072, vocab_size: 30522, max_position_embeddings: 512, type_vocab_size: 2, layer_norm_eps: 1e-12 });

/** Uniform random floats: `center` ± `amplitude`. @param {() => number} next @param {number} size @param {number} amplitude @param {number} [center] */
function uniform(next, size, amplitude, center = 0) {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = center + (next() * 2 - 1) * amplitude;
  return out;
}

/**
 * LayerNorm and Linear layers with fresh random parameters, in the builder's precision.
 * @param {GraphBuilder} g @param {() => number} next @param {BertConfig} c
 */
function randomLayers(g, next, c) {
  const h = c.hidden_size;
  return {
    /** @param {string} x @param {string} name */
    norm: (x, name) =>
      g.op('LayerNormalization', [x, g.constant(`${name}.weight`, [h], uniform(next, h, 0.1, 1)), g.constant(`${name}.bias`, [h], uniform(next, h, 0.1))], { attrs: [attrInt('axis', -1), attrFloat('epsilon', c.layer_norm_eps)] }),
    /** @param {string} x @param {string} name @param {number} n @param {number} k */
    dense: (x, name, n, k) => g.linear(x, name, uniform(next, n * k, Math.sqrt(3 / k)), n, k, uniform(next, n, 0.1)),
    /** @param {string} name @param {number} rows @param {string} ids */
    table: (name, rows, ids) => g.op('Gather', [g.weight(name, [rows, h], uniform(next, rows * h, 1)), ids], { attrs: [attrInt('axis', 0)] }),
  };
}

/**
 * One post-LN layer: self-attention, then the GELU feed-forward.
 * @param {GraphBuilder} g @param {ReturnType<typeof randomLayers>} r @param {BertConfig} c @param {number} l @param {string} x @param {string} maskAdd
 */
function encoderLayer(g, { norm, dense }, c, l, x, maskAdd) {
  const p = `encoder.layer.${l}`;
  const h = c.hidden_size;
  const heads = c.num_attention_heads;
  const d = h / heads;
  const split = (/** @type {string} */ y) => g.transpose(g.op('Reshape', [y, g.ints(0, 0, heads, d)]), [0, 2, 1, 3]);
  const q = split(dense(x, `${p}.attention.self.query`, h, h));
  const k = split(dense(x, `${p}.attention.self.key`, h, h));
  const v = split(dense(x, `${p}.attention.self.value`, h, h));
  const scores = g.op('Add', [g.op('Mul', [g.op('MatMul', [q, g.transpose(k, [0, 1, 3, 2])]), g.scalar(1 / Math.sqrt(d))]), maskAdd]);
  const context = g.op('MatMul', [g.op('Softmax', [scores], { attrs: [attrInt('axis', -1)] }), v]);
  const merged = g.op('Reshape', [g.transpose(context, [0, 2, 1, 3]), g.ints(0, 0, h)]);
  const attended = norm(g.op('Add', [x, dense(merged, `${p}.attention.output.dense`, h, h)]), `${p}.attention.output.LayerNorm`);
  const inner = dense(attended, `${p}.intermediate.dense`, c.intermediate_size, h);
  const gelu = g.op('Mul', [g.op('Mul', [inner, g.op('Add', [g.op('Erf', [g.op('Div', [inner, g.scalar(Math.SQRT2)])]), g.scalar(1)])]), g.scalar(0.5)]);
  return norm(g.op('Add', [attended, dense(gelu, `${p}.output.dense`, h, c.intermediate_size)]), `${p}.output.LayerNorm`);
}

/**
 * @param {BertConfig} c @param {{ precision: import('./graph-builder.mjs').Precision, labels?: string[], seed?: number }} options
 *   `labels`: a classification head with these labels; none: the hidden states.
 */
export function buildEncoder(c, { precision, labels, seed = 1 }) {
  const g = new GraphBuilder(precision);
  const r = randomLayers(g, rng(seed), c);
  const h = c.hidden_size;
  const seq = g.op('Gather', [g.op('Shape', ['input_ids']), g.ints(1)], { attrs: [attrInt('axis', 0)] });
  const positions = g.op('Unsqueeze', [g.op('Range', [g.ints(0), seq, g.ints(1)]), g.ints(0)]);
  const words = g.op('Add', [r.table('embeddings.word', c.vocab_size, 'input_ids'), r.table('embeddings.position', c.max_position_embeddings, positions)]);
  let x = r.norm(g.op('Add', [words, r.table('embeddings.token_type', c.type_vocab_size, 'token_type_ids')]), 'embeddings.LayerNorm');
  // (1 - mask) · -1e9, as [batch, 1, 1, seq], added to every head's scores.
  const maskFloat = g.op('Cast', [g.op('Unsqueeze', ['attention_mask', g.ints(1, 2)])], { attrs: [attrInt('to', ELEM.FLOAT)] });
  const maskAdd = g.op('Mul', [g.op('Sub', [g.scalar(1), maskFloat]), g.scalar(-1e9)]);
  for (let l = 0; l < c.num_hidden_layers; l++) x = encoderLayer(g, r, c, l, x, maskAdd);
  /** @type {[string, number, (number | string)[]][]} */
  const inputs = ['input_ids', 'attention_mask', 'token_type_ids'].map((n) => [n, ELEM.INT64, ['batch_size', 'sequence_length']]);
  if (!labels) {
    g.op('Identity', [x], { name: 'last_hidden_state' });
    return g.build({ name: 'bert_encoder', inputs, outputs: [['last_hidden_state', ELEM.FLOAT, ['batch_size', 'sequence_length', h]]] });
  }
  const cls = g.op('Gather', [x, g.ints(0)], { attrs: [attrInt('axis', 1)] });
  const pooled = g.op('Tanh', [r.dense(g.op('Squeeze', [cls, g.ints(1)]), 'pooler.dense', h, h)]);
  g.op('Identity', [r.dense(pooled, 'classifier', labels.length, h)], { name: 'logits' });
  return g.build({ name: 'bert_classifier', inputs, outputs: [['logits', ELEM.FLOAT, ['batch_size', labels.length]]] });
}

/** config.json for Transformers.js (BertModel / BertForSequenceClassification). @param {BertConfig} c @param {string[] | undefined} labels @param {string} dtype */
export function bertConfig(c, labels, dtype) {
  return {
    architectures: [labels ? 'BertForSequenceClassification' : 'BertModel'],
    model_type: 'bert',
    ...c,
    hidden_act: 'gelu',
    pad_token_id: 0,
    ...(labels ? { id2label: Object.fromEntries(labels.map((l, i) => [String(i), l])), label2id: Object.fromEntries(labels.map((l, i) => [l, i])) } : {}),
    'transformers.js_config': { dtype },
  };
}
