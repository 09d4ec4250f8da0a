// @ts-check
// The bench models' writers, at small sizes: what Transformers.js loads from their folders, and the
// 135M decoder's parameter count against SmolLM2-135M's.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { env, pipeline } from '@huggingface/transformers';
import { LLAMA_135M, writeRandomBert, writeRandomLlama } from './bench-models.mjs';
import { BYTE_LEVEL_EOS } from './tokenizers.mjs';
import { weightShapes } from './weights.mjs';

const root = mkdtempSync(path.join(tmpdir(), 'bench-models-'));
after(() => rmSync(root, { recursive: true, force: true }));
env.allowRemoteModels = false;
env.localModelPath = `${root}/`;
const OPTIONS = { session_options: { intraOpNumThreads: 1 } };

const SMALL_BERT = { hidden_size: 32, num_hidden_layers: 2, num_attention_heads: 4, intermediate_size: 64, vocab_size: 1000, max_position_embeddings: 64, type_vocab_size: 2, layer_norm_eps: 1e-12 };

describe('bench models', () => {
  it('the 135M decoder has SmolLM2-135M’s 134,515,008 parameters', () => {
    const total = weightShapes(LLAMA_135M).reduce((sum, [, shape]) => sum + shape.reduce((a, b) => a * b, 1), 0);
    assert.equal(total, 134_515_008);
  });

  for (const dtype of /** @type {const} */ (['q4', 'fp32'])) {
    it(`a random decoder generates all max_new_tokens (no EOS) in ${dtype}`, async () => {
      const config = { ...LLAMA_135M, num_hidden_layers: 2, hidden_size: 64, intermediate_size: 96, num_attention_heads: 4, num_key_value_heads: 2, head_dim: 16, vocab_size: 2000 };
      writeRandomLlama(path.join(root, 'bench/llama'), config);
      const generator = await pipeline('text-generation', 'bench/llama', { dtype, ...OPTIONS });
      const inputs = generator.tokenizer('Once upon a time');
      const ids = /** @type {any} */ (await generator.model.generate({ ...inputs, max_new_tokens: 24, do_sample: false })).tolist()[0].map(Number);
      const fresh = ids.slice(inputs.input_ids.dims[1]);
      assert.equal(fresh.length, 24);
      assert.ok(!fresh.includes(BYTE_LEVEL_EOS));
      assert.ok(generator.tokenizer.decode(fresh).trim().length > 0);
      await generator.dispose();
    });
  }

  for (const dtype of /** @type {const} */ (['q8', 'fp32'])) {
    it(`BERT folders load for text-classification (id2label) and feature-extraction in ${dtype}`, async () => {
      writeRandomBert(path.join(root, 'bench/bert-cls'), SMALL_BERT, ['NEGATIVE', 'POSITIVE']);
      writeRandomBert(path.join(root, 'bench/bert-emb'), SMALL_BERT);
      const classify = await pipeline('text-classification', 'bench/bert-cls', { dtype, ...OPTIONS });
      const scores = /** @type {{ label: string, score: number }[]} */ (await classify('I love this movie', { top_k: null }));
      assert.deepEqual(scores.map((s) => s.label).sort(), ['NEGATIVE', 'POSITIVE']);
      assert.ok(Math.abs(scores[0].score + scores[1].score - 1) < 1e-5);
      const embed = await pipeline('feature-extraction', 'bench/bert-emb', { dtype, ...OPTIONS });
      const out = await embed(['A man is playing a guitar.', 'hello'], { pooling: 'mean', normalize: true });
      assert.deepEqual(out.dims, [2, 32]);
      await Promise.all([classify.dispose(), embed.dispose()]);
    });
  }
});
