// @ts-check
// The exporter's Llama family: openPangu-Embedded (biases on q, k, v, o under `bias`), Qwen2 (q, k, v),
// Mistral (Llama's graph), each against the float64 reference; every Pangu bias matters; a config of an
// unknown architecture is refused by name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArchitectureError, familyOf, slidingWindowNote } from './architectures.mjs';
import { buildDecoder } from './decoder.mjs';
import { hfConfig } from './export.mjs';
import { createSession, decoderStep, maxDiff } from './ort-run.mjs';
import { referenceForward } from './reference.mjs';
import { randomWeights, tieWhenHeadAbsent, weightShapes } from './weights.mjs';

const SHAPE = { hidden_size: 32, intermediate_size: 48, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, vocab_size: 48, rms_norm_eps: 1e-5 };
/** openPangu-Embedded's own keys (its config.json, tiny sizes): `bias`, not `attention_bias`. */
const PANGU = { ...SHAPE, architectures: ['PanguEmbeddedForCausalLM'], model_type: 'PanguEmbedded', bias: true, rope_theta: 16000000, tie_word_embeddings: false };
const QWEN2 = { ...SHAPE, architectures: ['Qwen2ForCausalLM'], model_type: 'qwen2', tie_word_embeddings: true, rope_theta: 1000000 };
const MISTRAL = { ...SHAPE, architectures: ['MistralForCausalLM'], model_type: 'mistral', sliding_window: 4096, max_position_embeddings: 32768 };

const biasesOf = (/** @type {import('./weights.mjs').LlamaConfig} */ config) => weightShapes(config).map(([n]) => n).filter((n) => n.startsWith('model.layers.0.') && n.endsWith('.bias'));

/** Prefill then one cached step; the largest difference from the reference over both. @param {import('./weights.mjs').LlamaConfig} config @param {import('./weights.mjs').Weights} weights */
async function diffFromReference(config, weights) {
  const session = await createSession(buildDecoder(config, weights, 'fp32'));
  /** @type {import('./reference.mjs').LayerCache[]} */
  const cache = [];
  const prompt = [1, 7, 30, 2, 45];
  const first = await decoderStep(session, config, prompt, null);
  const second = await decoderStep(session, config, [11], first.cache);
  const diff = Math.max(maxDiff(first.rows, referenceForward(config, weights, prompt, cache)), maxDiff(second.rows, referenceForward(config, weights, [11], cache)));
  await session.release();
  return { diff, logits: first.rows };
}

describe('Llama-family checkpoints', () => {
  it('recognises each family from architectures or model_type, and its biased projections', () => {
    assert.equal(familyOf(PANGU), 'pangu');
    assert.equal(familyOf({ model_type: 'PanguEmbedded' }), 'pangu');
    assert.equal(familyOf(QWEN2), 'qwen2');
    assert.equal(familyOf(MISTRAL), 'mistral');
    const names = (/** @type {string[]} */ list) => list.map((n) => n.split('.').at(-2));
    assert.deepEqual(names(biasesOf(PANGU)), ['q_proj', 'k_proj', 'v_proj', 'o_proj']);
    assert.deepEqual(names(biasesOf({ ...PANGU, bias: false })), []);
    assert.deepEqual(names(biasesOf(QWEN2)), ['q_proj', 'k_proj', 'v_proj']);
    assert.deepEqual(names(biasesOf(MISTRAL)), []);
    assert.deepEqual(names(biasesOf({ ...MISTRAL, architectures: ['LlamaForCausalLM'], model_type: 'llama', attention_bias: true })).length, 4);
  });

  it('refuses an unknown architecture, naming it and the known ones', () => {
    assert.throws(() => familyOf({ architectures: ['GPTNeoXForCausalLM'], model_type: 'gpt_neox' }), (error) => {
      assert.ok(error instanceof ArchitectureError);
      assert.match(error.message, /GPTNeoXForCausalLM/);
      assert.match(error.message, /PanguEmbeddedForCausalLM.*(Qwen2ForCausalLM|MistralForCausalLM)|Qwen2ForCausalLM.*PanguEmbeddedForCausalLM/);
      return true;
    });
    assert.throws(() => buildDecoder({ ...SHAPE, model_type: 'falcon' }, new Map(), 'fp32'), /falcon/);
  });

  for (const [label, config] of /** @type {const} */ ([['openPangu-Embedded', PANGU], ['Qwen2', QWEN2], ['Mistral', MISTRAL]])) {
    it(`${label}: the fp32 export matches the float64 reference within 1e-4`, async () => {
      const { diff } = await diffFromReference(config, randomWeights(config, 3));
      assert.ok(diff < 1e-4, `max diff ${diff}`);
    });
  }

  it('openPangu-Embedded: zeroing any one of the four biases changes the logits', async () => {
    const weights = randomWeights(PANGU, 3);
    const { logits } = await diffFromReference(PANGU, weights);
    for (const name of biasesOf(PANGU)) {
      const without = new Map(weights).set(name, new Float32Array(/** @type {Float32Array} */ (weights.get(name)).length));
      const { diff, logits: changed } = await diffFromReference(PANGU, without);
      assert.ok(diff < 1e-4, `${name}: the reference agrees without it too (${diff})`);
      assert.ok(maxDiff(logits, changed) > 1e-3, `${name} is not used: logits unchanged`);
    }
  });

  it('writes the family into config.json, ties a head the checkpoint lacks, and notes a sliding window', () => {
    const written = /** @type {Record<string, unknown>} */ (hfConfig({ ...PANGU, auto_map: { AutoConfig: 'x.y' }, torch_dtype: 'bfloat16' }, 'q4'));
    assert.deepEqual(written.architectures, ['PanguEmbeddedForCausalLM']);
    assert.equal(written.model_type, 'PanguEmbedded');
    assert.equal(written.bias, true);
    assert.equal('auto_map' in written, false);
    assert.equal(written.torch_dtype, 'float32');
    const weights = randomWeights(PANGU, 1);
    weights.delete('lm_head.weight');
    const { config, tied } = tieWhenHeadAbsent(PANGU, weights);
    assert.equal(tied, true);
    assert.equal(config.tie_word_embeddings, true);
    assert.doesNotThrow(() => buildDecoder(config, weights, 'fp32'));
    assert.match(String(slidingWindowNote(MISTRAL)), /4096 is ignored \(full attention\)/);
    assert.match(String(slidingWindowNote({ ...MISTRAL, max_position_embeddings: 2048 })), /covers the whole context/);
    assert.equal(slidingWindowNote(PANGU), undefined);
  });
});
