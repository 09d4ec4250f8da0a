// @ts-check
// The exporter's graph against an independent float64 forward pass, its IO contract, and its precisions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toBytes } from '../onnx-proto.mjs';
import { buildDecoder, decoderIO } from './decoder.mjs';
import { readModel } from './onnx-read.mjs';
import { createSession, decoderStep, maxDiff } from './ort-run.mjs';
import { referenceForward } from './reference.mjs';
import { randomWeights } from './weights.mjs';

/** Small but with every feature: GQA (3 query heads per KV head), head_dim ≠ hidden/heads, biases, untied head. */
const PANGU_LIKE = { hidden_size: 40, intermediate_size: 56, num_hidden_layers: 2, num_attention_heads: 6, num_key_value_heads: 2, head_dim: 8, vocab_size: 50, rms_norm_eps: 1e-5, rope_theta: 500, tie_word_embeddings: false, attention_bias: true };
/** Qwen2-style: q/k/v biases only, tied embeddings, MHA. */
const QWEN_LIKE = { model_type: 'qwen2', hidden_size: 32, intermediate_size: 64, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 4, vocab_size: 40, tie_word_embeddings: true };

/** Prefill then two single-token steps on the KV cache, against the float64 pass at every step. */
for (const [label, config] of /** @type {const} */ ([['biases on q/k/v/o, GQA, untied', PANGU_LIKE], ['qwen2 q/k/v biases, tied', QWEN_LIKE]])) {
  describe(`fp32 decoder (${label})`, () => {
    it('matches the float64 reference within 1e-4, with and without past KV', async () => {
      const weights = randomWeights(config, 7);
      assert.equal(weights.has('model.layers.0.self_attn.o_proj.bias'), config === PANGU_LIKE);
      const session = await createSession(buildDecoder(config, weights, 'fp32'));
      /** @type {import('./reference.mjs').LayerCache[]} */
      const cache = [];
      const prompt = [3, 17, 9, 1, 30];
      let step = await decoderStep(session, config, prompt, null);
      assert.ok(maxDiff(step.rows, referenceForward(config, weights, prompt, cache)) < 1e-4);
      for (const token of [11, 4]) {
        step = await decoderStep(session, config, [token], step.cache);
        const diff = maxDiff(step.rows, referenceForward(config, weights, [token], cache));
        assert.ok(diff < 1e-4, `step after ${token}: max diff ${diff}`);
      }
      assert.deepEqual(step.cache['present.1.value'].dims, [1, config.num_key_value_heads, 7, 8]);
      await session.release();
    });
  });
}

describe('decoder graph contract', () => {
  it('declares the inputs, outputs and dims Transformers.js feeds and reads', async () => {
    const model = readModel(toBytes(buildDecoder(PANGU_LIKE, randomWeights(PANGU_LIKE), 'q4')));
    const names = (/** @type {{ name: string }[]} */ list) => list.map((v) => v.name);
    assert.deepEqual(names(model.inputs).slice(0, 3), ['input_ids', 'attention_mask', 'position_ids']);
    assert.deepEqual(names(model.inputs).slice(3), ['past_key_values.0.key', 'past_key_values.0.value', 'past_key_values.1.key', 'past_key_values.1.value']);
    assert.deepEqual(names(model.outputs), ['logits', 'present.0.key', 'present.0.value', 'present.1.key', 'present.1.value']);
    assert.deepEqual(model.inputs[1].shape, ['batch_size', 'total_sequence_length']);
    assert.deepEqual(model.inputs[3].shape, ['batch_size', 2, 'past_sequence_length', 8]);
    assert.deepEqual(model.outputs[0].shape, ['batch_size', 'sequence_length', 50]);
    assert.deepEqual(model.outputs[2].shape, ['batch_size', 2, 'total_sequence_length', 8]);
    assert.deepEqual(decoderIO(PANGU_LIKE).inputs.map(([n]) => n), names(model.inputs));
    assert.deepEqual(model.opsets, { '': 17, 'com.microsoft': 1 });
    const nbits = model.nodes.filter((n) => n.op === 'MatMulNBits');
    assert.equal(nbits.length, 2 * 7 + 1); // q, k, v, o, gate, up, down per layer + the head
    assert.ok(nbits.every((n) => n.domain === 'com.microsoft' && n.attrs.bits.i === 4 && n.attrs.block_size.i === 32));
  });

  it('stores a tied fp32 head once (Gemm on the embedding, no transposed copy)', () => {
    const model = readModel(toBytes(buildDecoder(QWEN_LIKE, randomWeights(QWEN_LIKE), 'fp32')));
    const big = [...model.initializers.values()].filter((t) => t.dims.includes(40));
    assert.deepEqual(big.map((t) => t.name), ['model.embed_tokens.weight']);
    assert.ok(model.nodes.some((n) => n.op === 'Gemm' && n.inputs[1] === 'model.embed_tokens.weight'));
  });
});
