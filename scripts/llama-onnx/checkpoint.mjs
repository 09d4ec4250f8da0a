// @ts-check
/**
 * A released checkpoint as the exporter reads it: config.json, the safetensors file(s), a tokenizer
 * (tokenizer.json, or a SentencePiece tokenizer.model converted here) and the tokenizer and generation
 * configs when present. Each missing or unreadable piece is named in the error.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readSentencePiece, toTokenizerJson } from './sentencepiece.mjs';
import { readCheckpoint, WeightsError } from './weights.mjs';

export class CheckpointError extends Error {
  name = 'CheckpointError';
}

/** @param {string} file */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CheckpointError(`${file}: ${/** @type {Error} */ (error).message}`);
  }
}

/**
 * The tokenizer_config.json to ship: the checkpoint's (chat template, special tokens) without its
 * Python tokenizer class (Transformers.js builds the tokenizer from tokenizer.json alone).
 * @param {Record<string, unknown> | undefined} config
 */
export function portableTokenizerConfig(config) {
  if (!config) return undefined;
  const { auto_map: _autoMap, ...rest } = config;
  return { ...rest, tokenizer_class: 'PreTrainedTokenizerFast' };
}

/**
 * tokenizer.json from a tokenizer.json (as is) or a SentencePiece tokenizer.model (converted with the
 * tokenizer_config's add_bos_token / add_eos_token / added_tokens_decoder).
 * @param {string} file @param {Record<string, any>} [tokenizerConfig]
 */
export function readTokenizer(file, tokenizerConfig = {}) {
  if (file.endsWith('.json')) return readJson(file);
  const model = readSentencePiece(readFileSync(file), file);
  return toTokenizerJson(model, {
    addBosToken: tokenizerConfig.add_bos_token ?? true,
    addEosToken: tokenizerConfig.add_eos_token ?? false,
    addedTokens: tokenizerConfig.added_tokens_decoder ?? {},
  });
}

/** The checkpoint's safetensors files, in name order (model-00001-of-00004, …). @param {string} dir */
export function safetensorsFiles(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.safetensors')).sort();
  if (!files.length) throw new WeightsError(`${dir} has no *.safetensors file`);
  return files.map((f) => path.join(dir, f));
}

/** @param {string} dir */
export function readCheckpointDir(dir) {
  const at = (/** @type {string} */ name) => path.join(dir, name);
  if (!existsSync(at('config.json'))) throw new CheckpointError(`${dir} has no config.json`);
  const config = readJson(at('config.json'));
  const rawTokenizerConfig = existsSync(at('tokenizer_config.json')) ? readJson(at('tokenizer_config.json')) : undefined;
  const tokenizerFile = ['tokenizer.json', 'tokenizer.model'].map(at).find((f) => existsSync(f));
  if (!tokenizerFile) throw new CheckpointError(`${dir} has neither tokenizer.json nor tokenizer.model`);
  return {
    config,
    weights: readCheckpoint(safetensorsFiles(dir)),
    tokenizer: readTokenizer(tokenizerFile, rawTokenizerConfig),
    tokenizerConfig: portableTokenizerConfig(rawTokenizerConfig),
    generationConfig: existsSync(at('generation_config.json')) ? readJson(at('generation_config.json')) : undefined,
  };
}
