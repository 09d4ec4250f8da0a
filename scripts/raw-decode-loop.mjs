// `node scripts/raw-decode-loop.mjs <decoder .onnx> <node|web> <threads> <steps>`: the raw greedy session loop
// (bench/raw-decode.mjs: KV cache fed back, no Transformers.js) on onnxruntime-node or onnxruntime-web's WASM in
// Node, one JSON line with the session's creation time and p10 / p50 ms of session.run per decode step. The floor
// under any decode loop on that runtime (README, Benchmark; `npm run bench` measures the same loop in the browser,
// its "raw" column); run the variants one after the other, twice, so a busy spell lands on all of them.
// The model's config.json (one folder up) gives its layers and KV heads.
import fs from 'node:fs';
import path from 'node:path';
import { emptyPastDims, rawGreedyDecode } from '../bench/raw-decode.mjs';
import { quantile } from './bench/stats.mjs';

const [file, which, threadsArg = '1', stepsArg = '12'] = process.argv.slice(2);
const threads = Number(threadsArg);
const steps = Number(stepsArg);
/** @type {any} */
const ort = which === 'node' ? await import('onnxruntime-node') : await import('onnxruntime-web');
const config = JSON.parse(fs.readFileSync(path.join(path.dirname(file), '..', 'config.json'), 'utf8'));
if (which !== 'node') ort.env.wasm.numThreads = threads;
const options = { graphOptimizationLevel: 'all', ...(which === 'node' ? { intraOpNumThreads: threads, interOpNumThreads: 1 } : {}) };
const created = performance.now();
const session = await ort.InferenceSession.create(which === 'node' ? file : new Uint8Array(fs.readFileSync(file)), options);
const createMs = performance.now() - created;

// The prefill and then `steps` decode steps; the prompt's ids kept inside a small vocabulary (stories260K's is 512).
const ids = [1, 450, 4996, 17354, 1701, 262, 2106, 3].map((id) => id % config.vocab_size);
const { runMs } = await rawGreedyDecode({ session, Tensor: ort.Tensor, ids, newTokens: steps + 1, pastDims: emptyPastDims(config) });
const at = (/** @type {number} */ q) => Number((quantile(runMs, q) ?? NaN).toFixed(1));
console.log(JSON.stringify({ runtime: which, threads, file: path.basename(file), createMs: Math.round(createMs), steps, p10: at(0.1), p50: at(0.5) }));
