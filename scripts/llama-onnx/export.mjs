// @ts-check
/**
 * Writes a Llama-family decoder folder in the layout Transformers.js loads:
 *   config.json, generation_config.json, tokenizer.json (+ tokenizer_config.json),
 *   onnx/model.onnx (fp32), model_fp16.onnx, model_quantized.onnx (q8), model_q4.onnx (MatMulNBits, block 32).
 *
 *   node scripts/llama-onnx/export.mjs --config config.json [--weights model.safetensors | --seed 1]
 *        --tokenizer tokenizer.json [--precisions fp32,q4] --out <dir>
 */
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buildDecoder } from './decoder.mjs';
import { FILE_OF } from './graph-builder.mjs';
import { fullConfig, randomWeights, readSafetensors } from './weights.mjs';

/** @typedef {import('./graph-builder.mjs').Precision} Precision */

/** Streams a model to disk chunk by chunk (a 500 MB weight is never joined into another buffer). @param {string} file @param {import('../onnx-proto.mjs').Pb} pb */
export function writeModelFile(file, pb) {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  try {
    for (const chunk of pb.chunks) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** @param {string} file @param {unknown} json */
export const writeJson = (file, json) => writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);

/**
 * The config.json Transformers.js reads (model_type llama, the KV cache's heads and head_dim).
 * @param {import('./weights.mjs').LlamaConfig} config @param {Precision} defaultDtype
 */
export function hfConfig(config, defaultDtype) {
  const c = fullConfig(config);
  return {
    architectures: ['LlamaForCausalLM'],
    model_type: 'llama',
    hidden_act: 'silu',
    max_position_embeddings: 2048,
    bos_token_id: 1,
    eos_token_id: 2,
    attention_bias: false,
    use_cache: true,
    torch_dtype: 'float32',
    ...c,
    'transformers.js_config': { dtype: defaultDtype },
  };
}

/**
 * @param {{ config: import('./weights.mjs').LlamaConfig, weights: import('./weights.mjs').Weights, outDir: string,
 *   precisions?: Precision[], tokenizer: string | object, tokenizerConfig?: object, generationConfig?: object }} options
 *   `tokenizer`: a tokenizer.json path (copied) or its JSON.
 */
export function exportLlama({ config, weights, outDir, precisions = ['fp32'], tokenizer, tokenizerConfig, generationConfig }) {
  mkdirSync(path.join(outDir, 'onnx'), { recursive: true });
  const c = hfConfig(config, precisions[0]);
  writeJson(path.join(outDir, 'config.json'), c);
  writeJson(path.join(outDir, 'generation_config.json'), generationConfig ?? { bos_token_id: c.bos_token_id, eos_token_id: c.eos_token_id, do_sample: false });
  if (typeof tokenizer === 'string') copyFileSync(tokenizer, path.join(outDir, 'tokenizer.json'));
  else writeJson(path.join(outDir, 'tokenizer.json'), tokenizer);
  writeJson(path.join(outDir, 'tokenizer_config.json'), tokenizerConfig ?? { tokenizer_class: 'PreTrainedTokenizerFast', model_max_length: c.max_position_embeddings });
  for (const precision of precisions) writeModelFile(path.join(outDir, 'onnx', FILE_OF[precision]), buildDecoder(config, weights, precision));
  return outDir;
}

function cli() {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      weights: { type: 'string' },
      seed: { type: 'string', default: '1' },
      tokenizer: { type: 'string' },
      precisions: { type: 'string', default: 'fp32' },
      out: { type: 'string' },
    },
  });
  if (!values.config || !values.tokenizer || !values.out) {
    console.error('usage: export.mjs --config config.json [--weights model.safetensors | --seed N] --tokenizer tokenizer.json [--precisions fp32,fp16,q8,q4] --out dir');
    process.exit(2);
  }
  const config = JSON.parse(readFileSync(values.config, 'utf8'));
  const weights = values.weights ? readSafetensors(values.weights) : randomWeights(config, Number(values.seed));
  const precisions = /** @type {Precision[]} */ (values.precisions.split(','));
  const unknown = precisions.filter((p) => !(p in FILE_OF));
  if (unknown.length) throw new Error(`unknown precision ${unknown.join(', ')} (fp32, fp16, q8, q4)`);
  console.log(exportLlama({ config, weights, outDir: values.out, precisions, tokenizer: values.tokenizer }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) cli();
