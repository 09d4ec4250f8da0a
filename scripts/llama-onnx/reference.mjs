// @ts-check
/**
 * An independent Llama forward pass in plain float64 JavaScript, written for the tests: the HF modelling
 * code's math (RMSNorm, RoPE with rotate_half, GQA via repeat_kv, causal softmax, SwiGLU), one sequence,
 * no ONNX. It shares nothing with the graph builder but the weight names.
 */
import { biasedProjections } from './architectures.mjs';
import { fullConfig } from './weights.mjs';

/** @typedef {{ keys: number[][][], values: number[][][] }} LayerCache  [kv head][position][dim] */

/** y = W·x (+ b) with W in PyTorch layout (n × k). @param {Float32Array} w @param {number[]} x @param {Float32Array} [b] */
function matvec(w, x, b) {
  const k = x.length;
  const n = w.length / k;
  const y = new Array(n);
  for (let i = 0; i < n; i++) {
    let s = b ? b[i] : 0;
    for (let j = 0; j < k; j++) s += w[i * k + j] * x[j];
    y[i] = s;
  }
  return y;
}

/** @param {number[]} x @param {Float32Array} w @param {number} eps */
function rmsNorm(x, w, eps) {
  const inv = 1 / Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length + eps);
  return x.map((v, i) => v * inv * w[i]);
}

/** @param {number[]} x @param {number} pos @param {number} theta */
function rope(x, pos, theta) {
  const d = x.length;
  const half = d / 2;
  return x.map((v, i) => {
    const f = i % half;
    const angle = pos / theta ** ((2 * f) / d);
    const rotated = i < half ? -x[i + half] : x[i - half];
    return v * Math.cos(angle) + rotated * Math.sin(angle);
  });
}

/**
 * Logits for `tokens` at positions past..past+n-1, extending `cache` in place (pass [] to start).
 * @param {import('./weights.mjs').LlamaConfig} config @param {import('./weights.mjs').Weights} weights
 * @param {number[]} tokens @param {LayerCache[]} cache
 * @returns {number[][]} one row of vocab_size logits per token
 */
export function referenceForward(config, weights, tokens, cache) {
  const c = fullConfig(config);
  const W = (/** @type {string} */ name) => /** @type {Float32Array} */ (weights.get(name));
  const { hidden_size: h, head_dim: d, num_attention_heads: heads, num_key_value_heads: kvHeads } = c;
  const embed = W('model.embed_tokens.weight');
  const head = c.tie_word_embeddings ? embed : W('lm_head.weight');
  // The family's own rule for which projections add a bias (Qwen2: q, k, v; Pangu: all four when `bias`).
  const biased = biasedProjections(c);
  return tokens.map((token) => {
    let x = Array.from(embed.subarray(token * h, (token + 1) * h), Number);
    for (let l = 0; l < c.num_hidden_layers; l++) {
      const p = `model.layers.${l}`;
      cache[l] ??= { keys: Array.from({ length: kvHeads }, () => []), values: Array.from({ length: kvHeads }, () => []) };
      const pos = cache[l].keys[0].length;
      const n = rmsNorm(x, W(`${p}.input_layernorm.weight`), c.rms_norm_eps);
      const bias = (/** @type {string} */ name) => (biased.includes(name) ? W(`${p}.self_attn.${name}.bias`) : undefined);
      const proj = (/** @type {string} */ name, /** @type {number[]} */ input) => matvec(W(`${p}.self_attn.${name}.weight`), input, bias(name));
      const q = proj('q_proj', n);
      const k = proj('k_proj', n);
      const v = proj('v_proj', n);
      for (let kv = 0; kv < kvHeads; kv++) {
        cache[l].keys[kv].push(rope(k.slice(kv * d, (kv + 1) * d), pos, c.rope_theta));
        cache[l].values[kv].push(v.slice(kv * d, (kv + 1) * d));
      }
      /** @type {number[]} */
      const attended = [];
      for (let hd = 0; hd < heads; hd++) {
        const kv = Math.floor(hd / (heads / kvHeads)); // repeat_kv: query head hd reads KV head hd // groups
        const qh = rope(q.slice(hd * d, (hd + 1) * d), pos, c.rope_theta);
        const scores = cache[l].keys[kv].map((key) => key.reduce((s, kk, i) => s + kk * qh[i], 0) / Math.sqrt(d));
        const max = Math.max(...scores);
        const e = scores.map((s) => Math.exp(s - max));
        const sum = e.reduce((a, b) => a + b, 0);
        for (let i = 0; i < d; i++) attended.push(cache[l].values[kv].reduce((s, val, t) => s + (e[t] / sum) * val[i], 0));
      }
      x = matvec(W(`${p}.self_attn.o_proj.weight`), attended, bias('o_proj')).map((v2, i) => x[i] + v2);
      const m = rmsNorm(x, W(`${p}.post_attention_layernorm.weight`), c.rms_norm_eps);
      const gate = matvec(W(`${p}.mlp.gate_proj.weight`), m);
      const up = matvec(W(`${p}.mlp.up_proj.weight`), m);
      const act = gate.map((g, i) => (g / (1 + Math.exp(-g))) * up[i]);
      x = matvec(W(`${p}.mlp.down_proj.weight`), act).map((v2, i) => x[i] + v2);
    }
    return matvec(head, rmsNorm(x, W('model.norm.weight'), c.rms_norm_eps));
  });
}
