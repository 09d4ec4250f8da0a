// @ts-check
/**
 * The raw decode loop: greedy generation straight on an onnxruntime InferenceSession (no Transformers.js, no
 * logits processors, no streamer): prefill the prompt, then one token per step with each step's `present.*` fed
 * back as `past_key_values.*`. The floor under any decode loop on that runtime. Shared by
 * scripts/raw-decode-loop.mjs (onnxruntime-node / -web in Node) and the bench's bare worker (the "raw" column).
 */

/**
 * @typedef {{ readonly dims: readonly number[], readonly data: unknown }} TensorLike
 * @typedef {{ readonly inputNames: readonly string[], run(feeds: Record<string, any>): Promise<Record<string, any>> }} SessionLike
 * @typedef {new (type: string, data: any, dims: number[]) => TensorLike} TensorCtor
 */

/**
 * The dims of an empty cache for a decoder's config: [1, KV heads, 0, head size].
 * @param {Record<string, any>} config the model's config.json
 */
export function emptyPastDims(config) {
  const headDim = config.head_dim ?? config.hidden_size / config.num_attention_heads;
  return [1, config.num_key_value_heads ?? config.num_attention_heads, 0, headDim];
}

/** The highest logit's index among the last position's, skipping `suppress`. @param {Float32Array} logits @param {number} vocab @param {Set<number>} suppress */
function argmaxLast(logits, vocab, suppress) {
  const offset = logits.length - vocab;
  let best = -1;
  for (let v = 0; v < vocab; v++) {
    if (suppress.has(v)) continue;
    if (best < 0 || logits[offset + v] > logits[offset + best]) best = v;
  }
  return best;
}

/**
 * `newTokens` session runs: the prompt's prefill (whose argmax is the first new token), then one step per token.
 * `suppress`: token ids never picked (the end-of-sequence ids while `min_new_tokens` holds them back, as
 * Transformers.js' MinNewTokensLengthLogitsProcessor does), so the tokens are the pipeline's greedy ones.
 * Times: `ms` from the prefill's start to the last token, `ttftMs` to the first token, `stepMs` each decode step
 * (feeds, run, argmax), `runMs` each decode step's session.run alone.
 * @param {{ session: SessionLike, Tensor: TensorCtor, ids: number[], newTokens: number, pastDims: number[], suppress?: number[] }} options
 */
export async function rawGreedyDecode({ session, Tensor, ids, newTokens, pastDims, suppress = [] }) {
  const pastNames = session.inputNames.filter((name) => name.startsWith('past_key_values.'));
  const withPositions = session.inputNames.includes('position_ids');
  const skip = new Set(suppress);
  const int64 = (/** @type {number[]} */ values) => BigInt64Array.from(values, BigInt);
  /** @type {Record<string, unknown>} */
  let past = Object.fromEntries(pastNames.map((name) => [name, new Tensor('float32', new Float32Array(0), pastDims)]));
  let input = ids;
  let length = 0;
  /** @type {number[]} */ const tokens = [];
  /** @type {number[]} */ const stepMs = [];
  /** @type {number[]} */ const runMs = [];
  let ttftMs = 0;
  const start = performance.now();
  for (let step = 0; step < newTokens; step++) {
    const stepStart = performance.now();
    const n = input.length;
    const feeds = {
      input_ids: new Tensor('int64', int64(input), [1, n]),
      attention_mask: new Tensor('int64', new BigInt64Array(length + n).fill(1n), [1, length + n]),
      ...(withPositions ? { position_ids: new Tensor('int64', int64(Array.from({ length: n }, (_, i) => length + i)), [1, n]) } : {}),
      ...past,
    };
    const runStart = performance.now();
    const out = await session.run(feeds);
    const runEnd = performance.now();
    const best = argmaxLast(/** @type {Float32Array} */ (out.logits.data), out.logits.dims[out.logits.dims.length - 1], skip);
    past = Object.fromEntries(pastNames.map((name) => [name, out[`present.${name.slice('past_key_values.'.length)}`]]));
    length += n;
    input = [best];
    tokens.push(best);
    const now = performance.now();
    if (step === 0) ttftMs = now - start;
    else {
      stepMs.push(now - stepStart);
      runMs.push(runEnd - runStart);
    }
  }
  return { tokens, ms: performance.now() - start, ttftMs, stepMs, runMs };
}
