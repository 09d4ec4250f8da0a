// `node scripts/raw-decode-loop.mjs <decoder .onnx> <node|web> <threads> <steps>`: the raw greedy session loop
// (KV cache fed back, no Transformers.js) on onnxruntime-node or onnxruntime-web's WASM in Node, one JSON line with
// the session's creation time and p10 / p50 ms per decode step. The floor under any decode loop on that runtime
// (README, Benchmark); run the variants one after the other, twice, so a busy spell lands on all of them.
// The model's config.json (one folder up) gives its layers and KV heads.
import fs from 'node:fs';
import path from 'node:path';

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

const layers = config.num_hidden_layers;
const headDim = config.hidden_size / config.num_attention_heads;
const int64 = (/** @type {number[]} */ values) => BigInt64Array.from(values.map(BigInt));
/** @type {Record<string, unknown>} */
let past = {};
for (let l = 0; l < layers; l++) for (const kind of ['key', 'value']) past[`past_key_values.${l}.${kind}`] = new ort.Tensor('float32', new Float32Array(0), [1, config.num_key_value_heads, 0, headDim]);
let ids = [1, 450, 4996, 17354, 1701, 262, 2106, 3];
let length = 0;
/** @type {number[]} */
const times = [];
for (let step = 0; step <= steps; step++) {
  const n = ids.length;
  const feeds = {
    input_ids: new ort.Tensor('int64', int64(ids), [1, n]),
    attention_mask: new ort.Tensor('int64', int64(Array(length + n).fill(1)), [1, length + n]),
    position_ids: new ort.Tensor('int64', int64(Array.from({ length: n }, (_, i) => length + i)), [1, n]),
    ...past,
  };
  const start = performance.now();
  const out = await session.run(feeds);
  if (step > 0) times.push(performance.now() - start); // step 0 is the prompt's prefill
  const logits = out.logits.data;
  const vocab = out.logits.dims[2];
  const offset = (n - 1) * vocab;
  let best = 0;
  for (let v = 1; v < vocab; v++) if (logits[offset + v] > logits[offset + best]) best = v;
  past = {};
  for (let l = 0; l < layers; l++) for (const kind of ['key', 'value']) past[`past_key_values.${l}.${kind}`] = out[`present.${l}.${kind}`];
  length += n;
  ids = [best];
}
times.sort((a, b) => a - b);
const at = (/** @type {number} */ q) => Number(times[Math.floor((times.length - 1) * q)].toFixed(1));
console.log(JSON.stringify({ runtime: which, threads, file: path.basename(file), createMs: Math.round(createMs), steps, p10: at(0.1), p50: at(0.5) }));
