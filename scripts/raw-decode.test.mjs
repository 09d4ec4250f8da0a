// @ts-check
// The raw decode loop (bench/raw-decode.mjs, the bench's "raw" column) gives the pipeline's greedy tokens: on
// stories260K from the mirror's folder, on onnxruntime-node, against Transformers.js' text-generation pipeline with
// the bench's options (min_new_tokens = max_new_tokens, so end-of-sequence is held back in both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { env, pipeline } from '@huggingface/transformers';
import { emptyPastDims, rawGreedyDecode } from '../bench/raw-decode.mjs';
import { defaultDir } from './model-mirror.mjs';

const MODEL = 'karpathy/tinyllamas-stories260K';
const DIR = path.join(defaultDir(), MODEL);
const NEW_TOKENS = 40;

test('emptyPastDims: head_dim when given, else hidden size over heads; KV heads when given', () => {
  assert.deepEqual(emptyPastDims({ hidden_size: 64, num_attention_heads: 8, num_key_value_heads: 4, head_dim: 8 }), [1, 4, 0, 8]);
  assert.deepEqual(emptyPastDims({ hidden_size: 576, num_attention_heads: 9 }), [1, 9, 0, 64]);
});

test('the raw loop picks the pipeline\'s greedy tokens, one session run per new token', async () => {
  assert.ok(fs.existsSync(DIR), `${DIR} missing: set MODELS_DIR to the models folder`);
  env.allowRemoteModels = false;
  env.localModelPath = `${defaultDir()}/`;
  const pipe = /** @type {any} */ (await pipeline('text-generation', MODEL, { device: 'cpu', dtype: 'fp32' }));
  const prompt = 'Once upon a time, there was a little girl named Lily.';
  const options = { max_new_tokens: NEW_TOKENS, min_new_tokens: NEW_TOKENS, do_sample: false, repetition_penalty: 1 };
  const [{ generated_text }] = await pipe(prompt, options);
  const add_special_tokens = (pipe.tokenizer.add_bos_token || pipe.tokenizer.add_eos_token) ?? false;
  const ids = Array.from(pipe.tokenizer(prompt, { add_special_tokens }).input_ids.data, Number);
  const config = JSON.parse(fs.readFileSync(path.join(DIR, 'config.json'), 'utf8'));
  const eos = [pipe.model.generation_config?.eos_token_id ?? config.eos_token_id].flat();
  const session = await ort.InferenceSession.create(path.join(DIR, 'onnx', 'model.onnx'));
  let runs = 0;
  const counted = { inputNames: session.inputNames, run: (/** @type {any} */ feeds) => (runs++, session.run(feeds)) };
  const out = await rawGreedyDecode({ session: counted, Tensor: ort.Tensor, ids, newTokens: NEW_TOKENS, pastDims: emptyPastDims(config), suppress: eos });
  assert.equal(out.tokens.length, NEW_TOKENS);
  assert.equal(runs, NEW_TOKENS);
  assert.equal(out.stepMs.length, NEW_TOKENS - 1);
  assert.ok(out.tokens.every((t) => !eos.includes(t)));
  const text = pipe.tokenizer.decode(out.tokens, { skip_special_tokens: true });
  assert.ok(text.length > 0);
  assert.ok(generated_text.endsWith(text), `pipeline: ${JSON.stringify(generated_text)}\nraw: ${JSON.stringify(text)}`);
  await session.release();
  await pipe.dispose();
});

test('the raw loop never picks a suppressed id, feeds each present back as past and counts positions on', async () => {
  /** @type {any[]} */
  const seen = [];
  class Tensor {
    constructor(/** @type {string} */ type, /** @type {any} */ data, /** @type {number[]} */ dims) {
      Object.assign(this, { type, data, dims });
    }
  }
  // Logits favour id 2 (end of sequence), then 3; the present cache is a marker of the step.
  const session = {
    inputNames: ['input_ids', 'attention_mask', 'position_ids', 'past_key_values.0.key'],
    run: async (/** @type {any} */ feeds) => {
      seen.push(feeds);
      return { logits: { dims: [1, 1, 4], data: Float32Array.of(0, 1, 9, 5) }, 'present.0.key': { dims: [1, 1, seen.length, 2], data: seen.length } };
    },
  };
  const out = await rawGreedyDecode({ session, Tensor: /** @type {any} */ (Tensor), ids: [1, 1, 1], newTokens: 3, pastDims: [1, 1, 0, 2], suppress: [2] });
  assert.deepEqual(out.tokens, [3, 3, 3]);
  assert.deepEqual(seen.map((f) => Array.from(f.position_ids.data, Number)), [[0, 1, 2], [3], [4]]);
  assert.deepEqual(seen.map((f) => f.attention_mask.dims), [[1, 3], [1, 4], [1, 5]]);
  assert.deepEqual(seen.map((f) => f['past_key_values.0.key'].data instanceof Float32Array ? 'empty' : f['past_key_values.0.key'].data), ['empty', 1, 2]);
});
