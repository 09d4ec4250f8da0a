// @ts-check
/**
 * Writes a Llama-family decoder folder in the layout Transformers.js loads:
 *   config.json, generation_config.json, tokenizer.json (+ tokenizer_config.json),
 *   onnx/model.onnx (fp32), model_fp16.onnx, model_quantized.onnx (q8), model_q4.onnx (MatMulNBits, block 32).
 * A precision whose weights pass ~1.8 GiB (openPangu-Embedded-1B in fp16/fp32) keeps them in ONNX external data,
 * onnx/<file>.onnx_data (+ _data_1…), which config.json announces (external-data.mjs); `--external-data` forces it.
 *
 * A downloaded checkpoint folder (config.json, *.safetensors, tokenizer.json or tokenizer.model,
 * tokenizer_config.json) in one go:
 *   node scripts/llama-onnx/export.mjs --model-dir <checkpoint> [--precisions q4,fp16] --out <dir>
 * or piece by piece:
 *   node scripts/llama-onnx/export.mjs --config config.json [--weights a.safetensors,b.safetensors | --seed 1]
 *        --tokenizer tokenizer.json|tokenizer.model [--precisions fp32,q4] [--external-data] --out <dir>
 */
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buildDecoder } from './decoder.mjs';
import { DataPlacer } from './external-data.mjs';
import { FILE_OF } from './graph-builder.mjs';
import { biasedProjections, FAMILIES, familyOf, slidingWindowNote } from './architectures.mjs';
import { portableTokenizerConfig, readCheckpointDir, readTokenizer } from './checkpoint.mjs';
import { fullConfig, randomWeights, readCheckpoint, tieWhenHeadAbsent } from './weights.mjs';

/** @typedef {import('./graph-builder.mjs').Precision} Precision */

export class ExportError extends Error {
  name = 'ExportError';
}

/** protobuf's limit on one message: the .onnx itself (graph plus inline tensors) must stay under it. */
export const MAX_ONNX_BYTES = 2 ** 31 - 1;

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

/** Keys of a released config that point at Python code or describe the original precision, not our files. */
const DROPPED_KEYS = ['auto_map', 'torch_dtype', 'quantization_config'];

/**
 * The config.json written next to the ONNX files: the checkpoint's own keys (its architecture and
 * model_type kept, so the app can say what it is), HF defaults filled in, the KV cache's heads and
 * head_dim, and the precision Transformers.js should pick by default.
 * `external` maps each .onnx file written with external data to its number of side files, as
 * Transformers.js's `use_external_data_format` reads it (per file name, so a q4 next to it stays single-file).
 * @param {import('./weights.mjs').LlamaConfig} config @param {Precision} defaultDtype @param {Record<string, number>} [external]
 */
export function hfConfig(config, defaultDtype, external = {}) {
  const family = FAMILIES[familyOf(config)];
  const c = /** @type {Record<string, unknown>} */ ({ ...fullConfig(config) });
  for (const key of DROPPED_KEYS) delete c[key];
  return {
    hidden_act: 'silu',
    max_position_embeddings: 2048,
    bos_token_id: 1,
    eos_token_id: 2,
    use_cache: true,
    ...c,
    // Pangu says `bias`; readers that only know Llama's key (the app, Transformers.js) read this one.
    attention_bias: biasedProjections(config).includes('o_proj'),
    architectures: [family.architecture],
    model_type: family.modelType,
    torch_dtype: 'float32',
    'transformers.js_config': { dtype: defaultDtype, ...(Object.keys(external).length ? { use_external_data_format: external } : {}) },
  };
}

/**
 * Writes one precision's .onnx (and its external data, when placed there); returns the number of side files.
 * @param {import('./weights.mjs').LlamaConfig} config @param {import('./weights.mjs').Weights} weights @param {Precision} precision
 * @param {string} onnxDir @param {ConstructorParameters<typeof DataPlacer>[1]} placement
 */
function writeDecoder(config, weights, precision, onnxDir, placement) {
  const placer = new DataPlacer(FILE_OF[precision], placement);
  const model = buildDecoder(config, weights, precision, placer.place);
  // Only the graph and the small inline tensors are left in the .onnx, far under this; checked all the same.
  if (model.length > MAX_ONNX_BYTES) throw new ExportError(`${precision}: the graph alone would be ${(model.length / 2 ** 30).toFixed(1)} GiB, over protobuf's 2 GiB limit`);
  writeModelFile(path.join(onnxDir, FILE_OF[precision]), model);
  for (const chunk of placer.chunks) writeModelFile(path.join(onnxDir, chunk.name), chunk.pb);
  return placer.chunks.length;
}

/**
 * @param {{ config: import('./weights.mjs').LlamaConfig, weights: import('./weights.mjs').Weights, outDir: string,
 *   precisions?: Precision[], tokenizer: string | object, tokenizerConfig?: object, generationConfig?: object,
 *   externalData?: boolean, dataChunkBytes?: number }} options
 *   `tokenizer`: a tokenizer.json path (copied) or its JSON. `externalData`: write every precision with external
 *   data (otherwise only those past ~1.8 GiB); `dataChunkBytes`: the largest side file (tests split tiny models).
 */
export function exportLlama({ config, weights, outDir, precisions = ['fp32'], tokenizer, tokenizerConfig, generationConfig, externalData = false, dataChunkBytes }) {
  mkdirSync(path.join(outDir, 'onnx'), { recursive: true });
  /** @type {Record<string, number>} */
  const external = {};
  for (const precision of precisions) {
    const count = writeDecoder(config, weights, precision, path.join(outDir, 'onnx'), { mode: externalData ? 'always' : 'auto', chunkBytes: dataChunkBytes });
    if (count) external[FILE_OF[precision]] = count;
  }
  const c = hfConfig(config, precisions[0], external);
  writeJson(path.join(outDir, 'config.json'), c);
  writeJson(path.join(outDir, 'generation_config.json'), generationConfig ?? { bos_token_id: c.bos_token_id, eos_token_id: c.eos_token_id, do_sample: false });
  if (typeof tokenizer === 'string') copyFileSync(tokenizer, path.join(outDir, 'tokenizer.json'));
  else writeJson(path.join(outDir, 'tokenizer.json'), tokenizer);
  writeJson(path.join(outDir, 'tokenizer_config.json'), tokenizerConfig ?? { tokenizer_class: 'PreTrainedTokenizerFast', model_max_length: c.max_position_embeddings });
  return outDir;
}

/** @param {Record<string, string | boolean | undefined>} flags */
function readInputs(flags) {
  const values = /** @type {Record<string, string | undefined>} */ (flags);
  if (values['model-dir']) return readCheckpointDir(values['model-dir']);
  if (!values.config || !values.tokenizer) return undefined;
  const config = JSON.parse(readFileSync(values.config, 'utf8'));
  const weights = values.weights ? readCheckpoint(values.weights.split(',')) : randomWeights(config, Number(values.seed));
  const tokenizerConfig = values['tokenizer-config'] ? JSON.parse(readFileSync(values['tokenizer-config'], 'utf8')) : undefined;
  return { config, weights, tokenizer: readTokenizer(values.tokenizer, tokenizerConfig), tokenizerConfig: portableTokenizerConfig(tokenizerConfig), generationConfig: undefined };
}

function cli() {
  const { values } = parseArgs({
    options: {
      'model-dir': { type: 'string' },
      config: { type: 'string' },
      weights: { type: 'string' },
      seed: { type: 'string', default: '1' },
      tokenizer: { type: 'string' },
      'tokenizer-config': { type: 'string' },
      precisions: { type: 'string', default: 'fp32' },
      out: { type: 'string' },
      'external-data': { type: 'boolean', default: false },
    },
  });
  const inputs = values.out ? readInputs(values) : undefined;
  if (!inputs || !values.out) {
    console.error('usage: export.mjs --model-dir <checkpoint> --out dir [--precisions fp32,fp16,q8,q4] [--external-data]');
    console.error('   or: export.mjs --config config.json [--weights a.safetensors,… | --seed N] --tokenizer tokenizer.json|tokenizer.model [--tokenizer-config tokenizer_config.json] --out dir');
    process.exit(2);
  }
  const precisions = /** @type {Precision[]} */ (values.precisions.split(','));
  const unknown = precisions.filter((p) => !(p in FILE_OF));
  if (unknown.length) throw new Error(`unknown precision ${unknown.join(', ')} (fp32, fp16, q8, q4)`);
  const family = FAMILIES[familyOf(inputs.config)];
  const { config, tied } = tieWhenHeadAbsent(inputs.config, inputs.weights);
  console.log(`${family.label} decoder (${family.architecture})${tied ? '; no lm_head.weight: the head is tied to the embeddings' : ''}`);
  const note = slidingWindowNote(config);
  if (note) console.log(note);
  console.log(exportLlama({ ...inputs, config, outDir: values.out, precisions, externalData: values['external-data'] }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    cli();
  } catch (error) {
    // Named errors (a missing tensor, an unknown architecture, a file that is not SentencePiece) are the message.
    console.error(`${/** @type {Error} */ (error).name}: ${/** @type {Error} */ (error).message}`);
    process.exit(1);
  }
}
