// @ts-check
/**
 * Real-size models for the benchmark, generated on demand with random weights (never committed):
 *   bench-random/llama-135m           SmolLM2-135M's shape (30 layers, hidden 576, 9/3 heads), q4 + fp32
 *   bench-random/bert-base-classifier BERT-base (12 × 768), text-classification, q8 + fp32
 *   bench-random/bert-base-embeddings BERT-base, feature-extraction (last_hidden_state), q8 + fp32
 * Each model folder is written under a temporary name and renamed when complete, so an interrupted run
 * never leaves a half-written model that looks ready.
 *
 *   node scripts/llama-onnx/bench-models.mjs [dir]   (default bench-models/, git-ignored)
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bertConfig, BERT_BASE, buildEncoder } from './encoder.mjs';
import { exportLlama, writeJson, writeModelFile } from './export.mjs';
import { FILE_OF } from './graph-builder.mjs';
import { BERT_TOKENIZER_CONFIG, BYTE_LEVEL_EOS, byteLevelTokenizer, wordPieceTokenizer } from './tokenizers.mjs';
import { randomWeights } from './weights.mjs';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench-models');

/** SmolLM2-135M's shape. */
export const LLAMA_135M = {
  hidden_size: 576,
  intermediate_size: 1536,
  num_hidden_layers: 30,
  num_attention_heads: 9,
  num_key_value_heads: 3,
  head_dim: 64,
  vocab_size: 49152,
  rms_norm_eps: 1e-5,
  rope_theta: 100000,
  tie_word_embeddings: true,
  max_position_embeddings: 8192,
  bos_token_id: BYTE_LEVEL_EOS,
  eos_token_id: BYTE_LEVEL_EOS,
};

const SENTIMENT = ['NEGATIVE', 'POSITIVE'];

/**
 * A random-weight decoder folder (q4 + fp32, byte-level tokenizer of the full vocabulary).
 * @param {string} dir @param {import('./weights.mjs').LlamaConfig & { eos_token_id: number }} config
 */
export function writeRandomLlama(dir, config) {
  const weights = randomWeights(config, 135);
  // Random logits would stop generation at EOS by chance; a zero embedding row gives EOS a logit of 0, below
  // the largest of the other random logits, so greedy decoding runs to max_new_tokens as a benchmark needs.
  const h = config.hidden_size;
  /** @type {Float32Array} */ (weights.get('model.embed_tokens.weight')).fill(0, config.eos_token_id * h, (config.eos_token_id + 1) * h);
  exportLlama({
    config,
    weights,
    outDir: dir,
    precisions: ['q4', 'fp32'],
    tokenizer: byteLevelTokenizer(config.vocab_size),
    tokenizerConfig: { tokenizer_class: 'GPT2Tokenizer', bos_token: '<|endoftext|>', eos_token: '<|endoftext|>', unk_token: '<|endoftext|>', model_max_length: config.max_position_embeddings ?? 2048, add_prefix_space: false },
  });
}

/**
 * A random-weight BERT folder (q8 + fp32, WordPiece tokenizer): a classifier with `labels`, else the encoder.
 * @param {string} dir @param {import('./encoder.mjs').BertConfig} config @param {string[]} [labels]
 */
export function writeRandomBert(dir, config, labels) {
  mkdirSync(path.join(dir, 'onnx'), { recursive: true });
  const precisions = /** @type {const} */ (['q8', 'fp32']);
  writeJson(path.join(dir, 'config.json'), bertConfig(config, labels, precisions[0]));
  writeJson(path.join(dir, 'tokenizer.json'), wordPieceTokenizer(config.vocab_size));
  writeJson(path.join(dir, 'tokenizer_config.json'), BERT_TOKENIZER_CONFIG);
  for (const precision of precisions) writeModelFile(path.join(dir, 'onnx', FILE_OF[precision]), buildEncoder(config, { precision, labels, seed: labels ? 2 : 3 }));
}

/** Model id (folder under the bench dir) → its writer. */
export const BENCH_MODELS = {
  'bench-random/llama-135m': (/** @type {string} */ dir) => writeRandomLlama(dir, LLAMA_135M),
  'bench-random/bert-base-classifier': (/** @type {string} */ dir) => writeRandomBert(dir, BERT_BASE, SENTIMENT),
  'bench-random/bert-base-embeddings': (/** @type {string} */ dir) => writeRandomBert(dir, BERT_BASE),
};

/**
 * Writes each bench model that is missing under `dir`; returns `dir`, to serve as a mirror root
 * (e.g. MIRROR_EXTRA_DIRS) where the models are `bench-random/<name>`.
 * @param {string} [dir] @param {{ log?: (line: string) => void }} [options]
 */
export function ensureBenchModels(dir = BENCH_DIR, { log = () => {} } = {}) {
  for (const [id, write] of Object.entries(BENCH_MODELS)) {
    const target = path.join(dir, id);
    if (existsSync(target)) continue;
    const partial = `${target}.partial`;
    rmSync(partial, { recursive: true, force: true });
    log(`writing ${id} …`);
    write(partial);
    renameSync(partial, target);
  }
  return dir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = ensureBenchModels(path.resolve(process.argv[2] ?? BENCH_DIR), { log: console.log });
  console.log(dir);
}
