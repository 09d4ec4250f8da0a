// @ts-check
// `node [V8 flags] scripts/ort-first-runs.mjs <model.onnx> [web|node] [runs]`: how much slower a session's first runs
// are than its later ones, outside any browser. Creates one session of the file on onnxruntime-web (its WASM build, one
// thread) or onnxruntime-node, and times `runs` runs (default 6) of one input shaped from the model's own input
// metadata (symbolic dimensions as 1, values a fixed ramp). With V8's flags (`--no-liftoff`, `--liftoff-only`,
// `--no-wasm-lazy-compilation`) it shows how much of a first run is V8 compiling onnxruntime's WASM (README, A
// returning visit). Float, int64 and int32 inputs only.
import fs from 'node:fs';

const [file, which = 'web', runsArg = '6'] = process.argv.slice(2);
if (!file || !['web', 'node'].includes(which)) {
  console.error('usage: node [V8 flags] scripts/ort-first-runs.mjs <model.onnx> [web|node] [runs]');
  process.exit(2);
}
/** @type {any} */
const ort = which === 'node' ? await import('onnxruntime-node') : await import('onnxruntime-web');
if (which === 'web') ort.env.wasm.numThreads = 1;
const bytes = fs.readFileSync(file);
let start = performance.now();
const session = await ort.InferenceSession.create(bytes, which === 'node' ? { intraOpNumThreads: 1, interOpNumThreads: 1 } : { executionProviders: ['wasm'] });
console.log(`${which}: session created in ${(performance.now() - start).toFixed(1)} ms`);

/** @type {Record<string, any>} */
const feeds = {};
for (const input of session.inputMetadata) {
  const dims = input.shape.map((/** @type {number | string} */ d) => (typeof d === 'number' && d > 0 ? d : 1));
  const size = dims.reduce((/** @type {number} */ a, /** @type {number} */ b) => a * b, 1);
  const ramp = (/** @type {number} */ i) => (i % 255) / 255;
  const data =
    input.type === 'int64'
      ? BigInt64Array.from({ length: size }, (_, i) => BigInt(i % 2))
      : input.type === 'int32'
        ? Int32Array.from({ length: size }, (_, i) => i % 2)
        : Float32Array.from({ length: size }, (_, i) => ramp(i));
  feeds[input.name] = new ort.Tensor(input.type, data, dims);
}
const times = [];
for (let i = 0; i < Number(runsArg); i++) {
  start = performance.now();
  await session.run(feeds);
  times.push(performance.now() - start);
}
console.log(`${which}: runs ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
await session.release();
