// @ts-check
/** Runs an exported decoder on onnxruntime-node the way Transformers.js does (tests and checks). */
import * as ort from 'onnxruntime-node';
import { toBytes } from '../onnx-proto.mjs';
import { fullConfig } from './weights.mjs';

/** @param {import('../onnx-proto.mjs').Pb | Uint8Array | string} model */
export function createSession(model) {
  const source = typeof model === 'string' || model instanceof Uint8Array ? model : toBytes(model);
  return ort.InferenceSession.create(/** @type {any} */ (source), { intraOpNumThreads: 1 });
}

/** @param {number[]} values @param {number[]} dims */
const int64 = (values, dims) => new ort.Tensor('int64', BigInt64Array.from(values.map(BigInt)), dims);

/**
 * One call: `tokens` after `past` (null for none). Returns the logits rows and the new cache.
 * @param {ort.InferenceSession} session @param {import('./weights.mjs').LlamaConfig} config
 * @param {number[]} tokens @param {Record<string, ort.Tensor> | null} past
 */
export async function decoderStep(session, config, tokens, past) {
  const c = fullConfig(config);
  const pastLength = past ? past['present.0.key'].dims[2] : 0;
  const total = pastLength + tokens.length;
  /** @type {Record<string, ort.Tensor>} */
  const feeds = {
    input_ids: int64(tokens, [1, tokens.length]),
    attention_mask: int64(Array(total).fill(1), [1, total]),
    position_ids: int64(tokens.map((_, i) => pastLength + i), [1, tokens.length]),
  };
  for (let l = 0; l < c.num_hidden_layers; l++) {
    for (const t of ['key', 'value']) {
      feeds[`past_key_values.${l}.${t}`] = past?.[`present.${l}.${t}`] ?? new ort.Tensor('float32', new Float32Array(0), [1, c.num_key_value_heads, 0, c.head_dim]);
    }
  }
  const out = await session.run(feeds);
  const data = /** @type {Float32Array} */ (out.logits.data);
  const rows = tokens.map((_, i) => Array.from(data.subarray(i * c.vocab_size, (i + 1) * c.vocab_size)));
  return { rows, cache: out };
}

/** Largest |a - b| over two lists of rows. @param {number[][]} a @param {number[][]} b */
export const maxDiff = (a, b) => Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i][j]))));
