// @ts-check
// karpathy/tinyllamas-stories260K, re-exported from the weights read out of the shipped file, against
// the shipped file: logits on onnxruntime-node, then greedy text through Transformers.js in Node.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { env, pipeline } from '@huggingface/transformers';
import { defaultDir } from '../model-mirror.mjs';
import { buildDecoder } from './decoder.mjs';
import { reexportStories, STORIES_ID as ID, weightsFromLlama2cOnnx } from './from-onnx.mjs';
import { createSession, decoderStep, maxDiff } from './ort-run.mjs';

const shipped = path.join(defaultDir(), ID);
const config = JSON.parse(readFileSync(path.join(shipped, 'config.json'), 'utf8'));
const shippedBytes = readFileSync(path.join(shipped, 'onnx/model.onnx'));
const { weights, tied } = weightsFromLlama2cOnnx(shippedBytes);
const root = mkdtempSync(path.join(tmpdir(), 'stories-reexport-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('stories260K re-exported', () => {
  it('has a tied head, as its config says', () => assert.equal(tied, config.tie_word_embeddings));

  it('gives the shipped file’s logits (< 1e-4), on a prompt and on two cached steps', async () => {
    const ours = await createSession(buildDecoder(config, weights, 'fp32'));
    const theirs = await createSession(shippedBytes);
    const prompt = [1, 403, 407, 261, 378, 341, 260, 33];
    let a = await decoderStep(ours, config, prompt, null);
    let b = await decoderStep(theirs, config, prompt, null);
    assert.ok(maxDiff(a.rows, b.rows) < 1e-4, `prompt: ${maxDiff(a.rows, b.rows)}`);
    for (const token of [290, 77]) {
      a = await decoderStep(ours, config, [token], a.cache);
      b = await decoderStep(theirs, config, [token], b.cache);
      assert.ok(maxDiff(a.rows, b.rows) < 1e-4, `step ${token}: ${maxDiff(a.rows, b.rows)}`);
    }
    await Promise.all([ours.release(), theirs.release()]);
  });

  it('writes the same greedy text through Transformers.js as the shipped folder (fp32); fp16, q8 and q4 load too', async () => {
    reexportStories(shipped, path.join(root, ID), ['fp32', 'fp16', 'q8', 'q4']);
    env.allowRemoteModels = false;
    const generate = async (/** @type {string} */ modelRoot, /** @type {'fp32' | 'fp16' | 'q8' | 'q4'} */ dtype = 'fp32') => {
      env.localModelPath = `${modelRoot}/`;
      const generator = await pipeline('text-generation', ID, { dtype, session_options: { intraOpNumThreads: 1 } });
      const [out] = /** @type {{ generated_text: string }[]} */ (await generator('Once upon a time', { max_new_tokens: 20, do_sample: false }));
      await generator.dispose();
      return out.generated_text;
    };
    const expected = await generate(defaultDir());
    const actual = await generate(root);
    assert.ok(expected.length > 'Once upon a time'.length + 20, `shipped text too short: ${expected}`);
    assert.equal(actual, expected);
    // The other precisions load the same way and, quantized, still begin the same story.
    for (const dtype of /** @type {const} */ (['fp16', 'q8', 'q4'])) assert.match(await generate(root, dtype), /^Once upon a time, there was a little/, dtype);
  });
});
