// `node scripts/session-create-profile.mjs <model .onnx> [threads] [runs]`: where a model's load goes once its bytes
// are on the machine (issue 12's "load from the browser cache ≤ 1.5× native session creation"), one JSON line per
// runtime. For onnxruntime-node and onnxruntime-web's WASM (in Node, the same .wasm the app serves): the file read,
// session creation at each graph optimisation level, and the first runs against the steady ones, with feeds made
// from the model's own inputs (zeros; a decoder gets an 8-token past). Run it again under
// `node --no-liftoff --no-wasm-lazy-compilation` to see how much of WASM's first run is V8 compiling the kernels it
// touches (README, Benchmark), and under `node --cpu-prof` to see the copy into the WASM heap.
import fs from 'node:fs';

const [file, threadsArg = '2', runsArg = '4'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/session-create-profile.mjs <model .onnx> [threads] [runs]');
  process.exit(2);
}
const threads = Number(threadsArg);
const runs = Number(runsArg);
const LEVELS = /** @type {const} */ (['all', 'extended', 'basic', 'disabled']);

/** Zero feeds of each input's shape: symbolic dims are 1, a past sequence is 8 (its mask then 9). @param {any} ort @param {any} session */
function feedsFor(ort, session) {
  const past = 8;
  const hasPast = session.inputNames.some((/** @type {string} */ n) => n.startsWith('past_key_values'));
  /** @type {Record<string, any>} */
  const feeds = {};
  for (const meta of session.inputMetadata) {
    const name = meta.name;
    const dims = (meta.shape ?? []).map((/** @type {number | string} */ d, /** @type {number} */ i) => {
      if (typeof d === 'number' && d > 0) return d;
      if (name.startsWith('past_key_values') && i === 2) return past;
      if (name === 'attention_mask' && hasPast && i === 1) return past + 1;
      return 1;
    });
    const size = dims.reduce((/** @type {number} */ a, /** @type {number} */ b) => a * b, 1);
    const type = meta.type ?? 'float32';
    const data =
      type === 'int64' ? new BigInt64Array(size).fill(name === 'attention_mask' ? 1n : name === 'position_ids' ? BigInt(past) : 0n)
      : type === 'int32' ? new Int32Array(size)
      : type === 'bool' ? new Uint8Array(size)
      : new Float32Array(size);
    feeds[name] = new ort.Tensor(type, data, dims);
  }
  return feeds;
}

/** @param {'node' | 'web'} which */
async function profile(which) {
  const ort = which === 'node' ? await import('onnxruntime-node') : await import('onnxruntime-web');
  if (which === 'web') ort.env.wasm.numThreads = threads;
  const readStart = performance.now();
  const bytes = new Uint8Array(fs.readFileSync(file));
  const readMs = performance.now() - readStart;
  // onnxruntime-web compiles its WASM and starts its threads with the first session: one unreported creation first.
  if (which === 'web') await (await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'disabled' })).release();
  /** @type {Record<string, number>} */
  const createMs = {};
  /** @type {number[]} */
  const runMs = [];
  for (const level of LEVELS) {
    const start = performance.now();
    const options = { graphOptimizationLevel: level, ...(which === 'node' ? { intraOpNumThreads: threads, interOpNumThreads: 1 } : {}) };
    const session = await ort.InferenceSession.create(bytes, options);
    createMs[level] = Math.round(performance.now() - start);
    if (level === 'all') {
      const feeds = feedsFor(ort, session);
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await session.run(feeds);
        runMs.push(Math.round(performance.now() - t));
      }
    }
    await session.release();
  }
  return { runtime: which === 'node' ? 'onnxruntime-node' : 'onnxruntime-web (WASM)', threads, readMs: Math.round(readMs), createMs, runMs };
}

// The WASM one first: onnxruntime-node loaded in the same process would not change it, but keep the order fixed.
for (const which of /** @type {const} */ (['web', 'node'])) console.log(JSON.stringify(await profile(which)));
process.exit(0);
