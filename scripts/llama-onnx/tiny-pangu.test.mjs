// @ts-check
// The tiny openPangu-Embedded checkpoint (released format: bf16 safetensors, SentencePiece tokenizer.model,
// the real chat template) through `export.mjs --model-dir`: logits against the float64 reference on the
// checkpoint's own weights, greedy text through Transformers.js loaded as a Llama-family decoder, and each
// kind of bad checkpoint refused with the tensor or file named.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AutoConfig, env, pipeline } from '@huggingface/transformers';
import { readCheckpointDir } from './checkpoint.mjs';
import { createSession, decoderStep, maxDiff } from './ort-run.mjs';
import { referenceForward } from './reference.mjs';
import { bf16Safetensors, TINY_PANGU_ID, writeTinyPanguCheckpoint } from './tiny-pangu.mjs';
import { weightShapes } from './weights.mjs';

const EXPORT = fileURLToPath(new URL('./export.mjs', import.meta.url));
const root = mkdtempSync(path.join(tmpdir(), 'tiny-pangu-'));
const checkpoint = path.join(root, 'checkpoint');
const models = path.join(root, 'models');
const out = path.join(models, TINY_PANGU_ID);
after(() => rmSync(root, { recursive: true, force: true }));

/** Runs the exporter CLI on a checkpoint folder; its exit status and what it printed. @param {string} dir */
function exportDir(dir, target = path.join(root, 'unused')) {
  const run = spawnSync(process.execPath, [EXPORT, '--model-dir', dir, '--precisions', 'fp32', '--out', target], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A copy of the checkpoint with one thing changed. @param {string} name @param {(dir: string) => void} change */
function broken(name, change) {
  const dir = path.join(root, name);
  cpSync(checkpoint, dir, { recursive: true });
  change(dir);
  return dir;
}

before(() => {
  writeTinyPanguCheckpoint(checkpoint);
  execFileSync(process.execPath, [EXPORT, '--model-dir', checkpoint, '--precisions', 'fp32,q4', '--out', out]);
});

describe('tiny openPangu-Embedded checkpoint', () => {
  it('is in the released format and exports with its identity kept', () => {
    const header = readFileSync(path.join(checkpoint, 'model.safetensors'));
    const tensors = JSON.parse(header.subarray(8, 8 + Number(header.readBigUInt64LE(0))).toString());
    assert.equal(tensors['model.layers.1.self_attn.o_proj.bias'].dtype, 'BF16');
    assert.deepEqual(tensors['model.layers.0.self_attn.k_proj.weight'].shape, [32, 64]);
    const config = JSON.parse(readFileSync(path.join(out, 'config.json'), 'utf8'));
    assert.deepEqual([config.architectures, config.model_type, config.bias], [['PanguEmbeddedForCausalLM'], 'PanguEmbedded', true]);
    const tokenizerConfig = JSON.parse(readFileSync(path.join(out, 'tokenizer_config.json'), 'utf8'));
    assert.match(tokenizerConfig.chat_template, /\[unused9\]助手：/);
    assert.equal(tokenizerConfig.auto_map, undefined);
  });

  it('gives the float64 reference’s logits on the checkpoint’s bf16 weights (< 1e-4)', async () => {
    const { config, weights } = readCheckpointDir(checkpoint);
    const session = await createSession(path.join(out, 'onnx/model.onnx'));
    const prompt = [1, 259, 263, 285, 274, 289, 260];
    const step = await decoderStep(session, config, prompt, null);
    const diff = maxDiff(step.rows, referenceForward(config, weights, prompt, []));
    assert.ok(diff < 1e-4, `max diff ${diff}`);
    await session.release();
  });

  it('chats through Transformers.js as a Llama-family decoder: the template’s prompt, then the reference’s greedy tokens', async () => {
    env.allowRemoteModels = false;
    env.localModelPath = `${models}/`;
    const config = await AutoConfig.from_pretrained(TINY_PANGU_ID);
    Object.assign(config, { model_type: 'llama', architectures: ['LlamaForCausalLM'] }); // what the app does
    const chat = await pipeline('text-generation', TINY_PANGU_ID, { dtype: 'fp32', config, session_options: { intraOpNumThreads: 1 } });
    const text = /** @type {string} */ (chat.tokenizer.apply_chat_template([{ role: 'user', content: '你好 /no_think' }], { tokenize: false, add_generation_prompt: true }));
    assert.equal(text, '[unused9]系统：[unused10][unused9]用户：你好 /no_think[unused10][unused9]助手：');
    const ids = Array.from(/** @type {any} */ (chat.tokenizer(text).input_ids.data), Number);
    assert.deepEqual(ids.slice(0, 7), [1, 259, 263, 283, 274, 260, 259]); // <s> [unused9] ▁ 系统 ： [unused10] [unused9]
    const generated = await chat.model.generate({ ...chat.tokenizer(text), max_new_tokens: 6, do_sample: false });
    const theirs = Array.from(/** @type {any} */ (generated).data, Number).slice(ids.length);
    const { config: raw, weights } = readCheckpointDir(checkpoint);
    /** @type {import('./reference.mjs').LayerCache[]} */
    const cache = [];
    let rows = referenceForward(raw, weights, ids, cache);
    /** @type {number[]} */
    const ours = [];
    while (ours.length < theirs.length) {
      const last = /** @type {number[]} */ (rows.at(-1));
      ours.push(last.indexOf(Math.max(...last)));
      rows = referenceForward(raw, weights, [/** @type {number} */ (ours.at(-1))], cache);
    }
    assert.ok(theirs.length > 0);
    assert.deepEqual(theirs, ours);
    await chat.dispose();
  });

  it('names the tensor or file of a bad checkpoint', () => {
    const header = (/** @type {string} */ dir, /** @type {(shapes: [string, number[]][]) => [string, number[]][]} */ edit) => {
      const { config, weights } = readCheckpointDir(checkpoint);
      const shapes = edit(weightShapes(config));
      writeFileSync(path.join(dir, 'model.safetensors'), bf16Safetensors(shapes.map(([name, shape]) => [name, shape, /** @type {Float32Array} */ (weights.get(name))])));
    };
    const missing = broken('missing', (dir) => header(dir, (s) => s.filter(([name]) => name !== 'model.layers.1.self_attn.v_proj.bias')));
    const transposed = broken('shape', (dir) => header(dir, (s) => s.map(([name, shape]) => [name, name === 'model.layers.0.mlp.down_proj.weight' ? [...shape].reverse() : shape])));
    const unknown = broken('arch', (dir) => {
      const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
      writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...config, architectures: ['PanguProMoEForCausalLM'], model_type: 'PanguProMoE' }));
    });
    const notSpm = broken('tokenizer', (dir) => writeFileSync(path.join(dir, 'tokenizer.model'), '{"model": {"type": "BPE"}}'));
    const cases = [
      [missing, /WeightsError: missing tensor model\.layers\.1\.self_attn\.v_proj\.bias/],
      [transposed, /WeightsError: model\.layers\.0\.mlp\.down_proj\.weight has shape \[128,64\], the config needs \[64,128\]/],
      [unknown, /ArchitectureError: config\.json names PanguProMoEForCausalLM.*Known: .*PanguEmbeddedForCausalLM/],
      [notSpm, /SentencePieceError: .*tokenizer[/\\]tokenizer\.model is not a SentencePiece model/],
    ];
    for (const [dir, message] of /** @type {[string, RegExp][]} */ (cases)) {
      const { status, output } = exportDir(dir);
      assert.equal(status, 1, output);
      assert.match(output, message);
    }
  });
});
