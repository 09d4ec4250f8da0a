// @ts-check
/** Figures from a case's timings, the same way for the three columns. */

/** @param {number[]} values @param {number} q quantile in [0, 1], nearest rank */
export function quantile(values, q) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** @typedef {{ ms: number, ttftMs?: number, tokens?: number }} Run */

/**
 * @param {{ promptTokens?: number }} c
 * @param {{ ms?: number, longTask?: number, dtype?: string, device?: string, threads?: number }} cold
 * @param {number | undefined} cacheMs
 * @param {Run} first
 * @param {Run[]} runs
 */
export function summarize(c, cold, cacheMs, first, runs) {
  const latencies = runs.map((r) => r.ms);
  const generated = runs.filter((r) => r.ttftMs !== undefined && (r.tokens ?? 0) > 1);
  const ttft = quantile(generated.map((r) => /** @type {number} */ (r.ttftMs)), 0.5);
  // Decode rate as the app computes it: the tokens after the first, over the time after the first.
  const decode = generated.map((r) => ((r.tokens ?? 0) - 1) / ((r.ms - /** @type {number} */ (r.ttftMs)) / 1000));
  return {
    dtype: cold.dtype,
    device: cold.device,
    threads: cold.threads,
    coldLoadMs: cold.ms,
    cacheLoadMs: cacheMs,
    loadLongTask: cold.longTask,
    firstMs: first.ms,
    medianMs: quantile(latencies, 0.5),
    p90Ms: quantile(latencies, 0.9),
    ttftMs: ttft,
    prefillTps: ttft && c.promptTokens ? c.promptTokens / (ttft / 1000) : undefined,
    decodeTps: quantile(decode, 0.5),
    newTokens: quantile(generated.map((r) => r.tokens ?? 0), 0.5),
  };
}
