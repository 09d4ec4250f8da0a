// @ts-check
/**
 * Lifts the weights out of a decoder in the llama2c-to-transformersjs layout (the shipped
 * karpathy/tinyllamas-stories260K: `l{N}.wq` … as [in, out] MatMul weights, `w1`/`w3`/`w2` =
 * gate/up/down, `rms_att`/`rms_ffn`/`rms_final`, `embed_tokens`, `lm_head_T`) into HF names and layout,
 * so the exporter can write it again and the two files can be compared.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { exportLlama } from './export.mjs';
import { readModel, readModelFile } from './onnx-read.mjs';

export class LayoutError extends Error {
  name = 'LayoutError';
}

/** [in, out] → PyTorch [out, in]. @param {Float32Array} w @param {number} rows @param {number} cols */
function transposed(w, rows, cols) {
  const t = new Float32Array(w.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = w[r * cols + c];
  return t;
}

const LINEARS = { wq: 'self_attn.q_proj', wk: 'self_attn.k_proj', wv: 'self_attn.v_proj', wo: 'self_attn.o_proj', w1: 'mlp.gate_proj', w3: 'mlp.up_proj', w2: 'mlp.down_proj' };
const NORMS = { rms_att: 'input_layernorm', rms_ffn: 'post_attention_layernorm' };

/**
 * @param {Uint8Array | string} model the shipped model.onnx: its bytes, or its path (external data followed)
 * @returns {{ weights: import('./weights.mjs').Weights, tied: boolean }} `tied`: lm_head_T is exactly the embedding's transpose
 */
export function weightsFromLlama2cOnnx(model) {
  const { initializers } = typeof model === 'string' ? readModelFile(model) : readModel(model);
  const get = (/** @type {string} */ name) => {
    const t = initializers.get(name);
    if (!t || !(t.data instanceof Float32Array)) throw new LayoutError(`no float initializer ${name}: not the llama2c-to-transformersjs layout`);
    return { data: t.data, dims: t.dims };
  };
  /** @type {import('./weights.mjs').Weights} */
  const weights = new Map();
  const embed = get('embed_tokens');
  weights.set('model.embed_tokens.weight', embed.data);
  weights.set('model.norm.weight', get('rms_final').data);
  for (let l = 0; initializers.has(`l${l}.wq`); l++) {
    for (const [from, to] of Object.entries(LINEARS)) {
      const { data, dims } = get(`l${l}.${from}`);
      weights.set(`model.layers.${l}.${to}.weight`, transposed(data, dims[0], dims[1]));
    }
    for (const [from, to] of Object.entries(NORMS)) weights.set(`model.layers.${l}.${to}.weight`, get(`l${l}.${from}`).data);
  }
  const head = get('lm_head_T');
  const headWeight = transposed(head.data, head.dims[0], head.dims[1]);
  const tied = headWeight.every((v, i) => v === embed.data[i]);
  if (!tied) weights.set('lm_head.weight', headWeight);
  return { weights, tied };
}

export const STORIES_ID = 'karpathy/tinyllamas-stories260K';
/** Where the mirror's generated fixtures hold the re-export (e2e/fixtures/models/<this>); the id sorts after
 * karpathy/…, so on a mirror where no model has downloads yet, the chat task still opens on the original. */
export const STORIES_REEXPORT_ID = 'llama-onnx/tinyllamas-stories260K';

/**
 * Re-exports the shipped stories260K folder `source` into `outDir` (its tokenizer and configs copied):
 * the exporter's file, from the shipped weights.
 * @param {string} source @param {string} outDir @param {import('./graph-builder.mjs').Precision[]} [precisions]
 */
export function reexportStories(source, outDir, precisions = ['fp32']) {
  const read = (/** @type {string} */ file) => JSON.parse(readFileSync(path.join(source, file), 'utf8'));
  const config = read('config.json');
  const { weights, tied } = weightsFromLlama2cOnnx(path.join(source, 'onnx/model.onnx'));
  if (tied !== config.tie_word_embeddings) throw new LayoutError(`lm_head_T ${tied ? 'is' : 'is not'} the embedding, but config.json says tie_word_embeddings: ${config.tie_word_embeddings}`);
  exportLlama({
    config,
    weights,
    outDir,
    precisions,
    tokenizer: path.join(source, 'tokenizer.json'),
    tokenizerConfig: read('tokenizer_config.json'),
    generationConfig: read('generation_config.json'),
  });
  copyFileSync(path.join(source, 'special_tokens_map.json'), path.join(outDir, 'special_tokens_map.json'));
  return { config, weights };
}
