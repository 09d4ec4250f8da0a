// @ts-check
// Precisions: each weight format's round trip, and each quantized graph against fp32.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDecoder } from './decoder.mjs';
import { createSession, decoderStep, maxDiff } from './ort-run.mjs';
import { dequantizeQ4, dequantizeQ8, fromHalf, quantizeQ4, quantizeQ8, toHalf } from './quantize.mjs';
import { randomWeights, rng } from './weights.mjs';

const CONFIG = { hidden_size: 64, intermediate_size: 72, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, vocab_size: 96, attention_bias: true };
const PROMPT = [5, 60, 12, 33, 90, 2];

/** @param {number} n */
const randomMatrix = (n) => {
  const next = rng(42);
  return Float32Array.from({ length: n }, () => (next() * 2 - 1) * (next() < 0.05 ? 4 : 0.5)); // a few outliers
};

/** The weights as a quantized graph sees them: every Linear (incl. the head) through `roundTrip`. @param {(w: Float32Array, n: number, k: number) => Float32Array} roundTrip */
function seenWeights(roundTrip) {
  const weights = randomWeights(CONFIG, 5);
  for (const [name, w] of weights) {
    if (!/(proj|lm_head)\.weight$/.test(name)) continue;
    const k = name.includes('down_proj') ? CONFIG.intermediate_size : CONFIG.hidden_size;
    weights.set(name, roundTrip(w, w.length / k, k));
  }
  return weights;
}

/** @param {import('./weights.mjs').Weights} weights @param {import('./graph-builder.mjs').Precision} precision */
async function logits(weights, precision) {
  const session = await createSession(buildDecoder(CONFIG, weights, precision));
  const first = await decoderStep(session, CONFIG, PROMPT, null);
  const next = await decoderStep(session, CONFIG, [7], first.cache);
  await session.release();
  return [...first.rows, ...next.rows];
}

describe('weight formats', () => {
  it('fp16: exact for representable values, within half a unit in the last place otherwise', () => {
    for (const v of [0, 1, -2, 0.5, 65504, 2 ** -24, -(2 ** -14)]) assert.equal(fromHalf(toHalf(v)), v);
    assert.equal(fromHalf(toHalf(1e6)), Infinity);
    for (const v of randomMatrix(2000)) assert.ok(Math.abs(fromHalf(toHalf(v)) - v) <= Math.abs(v) * 2 ** -11 + 2 ** -25);
  });

  it('q8: each weight within half its column’s step', () => {
    const [n, k] = [24, 40];
    const w = randomMatrix(n * k);
    const q8 = quantizeQ8(w, n, k);
    const back = dequantizeQ8(q8, n, k);
    w.forEach((v, i) => assert.ok(Math.abs(back[i] - v) <= q8.scales[Math.floor(i / k)] / 2 + 1e-7));
  });

  it('q4: each weight within one step of its block, also with K not a multiple of 32', () => {
    const [n, k] = [10, 72];
    const w = randomMatrix(n * k);
    const q4 = quantizeQ4(w, n, k);
    assert.equal(q4.blocks, 3);
    const back = dequantizeQ4(q4, n, k);
    w.forEach((v, i) => {
      const step = q4.scales[Math.floor(i / k) * 3 + Math.floor((i % k) / 32)];
      assert.ok(Math.abs(back[i] - v) <= step * (1 + 1e-6), `weight ${i}: ${v} → ${back[i]}, step ${step}`);
    });
  });
});

describe('quantized graphs', () => {
  it('q4 (MatMulNBits) computes exactly with the dequantized weights, and stays near fp32', async () => {
    const q4 = await logits(randomWeights(CONFIG, 5), 'q4');
    const dequantized = await logits(seenWeights((w, n, k) => dequantizeQ4(quantizeQ4(w, n, k), n, k)), 'fp32');
    const fp32 = await logits(randomWeights(CONFIG, 5), 'fp32');
    assert.ok(maxDiff(q4, dequantized) < 1e-4, `q4 vs its dequantized weights: ${maxDiff(q4, dequantized)}`);
    const spread = Math.max(...fp32.flat()) - Math.min(...fp32.flat());
    assert.ok(maxDiff(q4, fp32) < 0.2 * spread, `q4 vs fp32: ${maxDiff(q4, fp32)} (logit spread ${spread})`);
  });

  it('fp16 computes exactly with the half-rounded weights', async () => {
    const half = (/** @type {Float32Array} */ w) => Float32Array.from(w, (v) => fromHalf(toHalf(v)));
    const fp16 = await logits(randomWeights(CONFIG, 5), 'fp16');
    const rounded = seenWeights(half);
    rounded.set('model.embed_tokens.weight', half(/** @type {Float32Array} */ (rounded.get('model.embed_tokens.weight'))));
    assert.ok(maxDiff(fp16, await logits(rounded, 'fp32')) < 1e-4);
  });

  it('q8 (dynamic MatMulInteger) stays near fp32', async () => {
    const q8 = await logits(randomWeights(CONFIG, 5), 'q8');
    const fp32 = await logits(randomWeights(CONFIG, 5), 'fp32');
    const spread = Math.max(...fp32.flat()) - Math.min(...fp32.flat());
    assert.ok(maxDiff(q8, fp32) < 0.1 * spread, `q8 vs fp32: ${maxDiff(q8, fp32)} (logit spread ${spread})`);
  });
});
