// @ts-check
// The benchmark's "native" column: one case through Transformers.js on onnxruntime-node (or, for a raw ONNX
// case, onnxruntime-node itself) in Node, in its own process so it shares nothing with the browser runs and its
// peak memory is its own. Same calls as the bare page (bench/calls.mjs), same thread count. Prints one JSON line.
//   node scripts/bench-native.mjs '<case JSON>'
import fs from 'node:fs';
import path from 'node:path';
import { pipeline, env, RawImage } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { CALLS } from '../bench/calls.mjs';
import { summarize } from './bench/stats.mjs';

/** @type {import('./bench/cases.mjs').BenchCase & { roots: string[], runs: number, threads: number, dtype?: string }} */
const c = JSON.parse(process.argv[2] ?? '{}');
const SAMPLES = path.resolve(import.meta.dirname, '..', 'public', 'samples');
const sessionOptions = { intraOpNumThreads: c.threads, interOpNumThreads: 1 };

/** Transformers.js reads local models from one folder: the first root that has this one. */
function useRoot() {
  const root = c.roots.find((r) => fs.existsSync(path.join(r, c.model, 'config.json')));
  if (!root) throw new Error(`${c.model} is in none of ${c.roots.join(', ')}`);
  env.allowRemoteModels = false;
  env.localModelPath = `${root}/`;
}

async function loadPipeline() {
  const start = performance.now();
  const options = { device: 'cpu', session_options: sessionOptions, ...(c.dtype ? { dtype: c.dtype } : {}) };
  const pipe = await pipeline(/** @type {any} */ (c.task), c.model, /** @type {any} */ (options));
  await CALLS[c.task].warmup(pipe, { warmImage });
  return { pipe, ms: performance.now() - start };
}

const warmImage = (/** @type {number} */ size) => new RawImage(new Uint8ClampedArray(size * size * 3).fill(128), size, size, 3);

async function measurePipeline() {
  useRoot();
  const cold = await loadPipeline();
  const input = { text: c.text, image: () => RawImage.read(path.join(SAMPLES, c.image ?? '')), options: c.callOptions };
  const time = async () => {
    const start = performance.now();
    const stats = await CALLS[c.task].run(cold.pipe, input);
    return { ms: performance.now() - start, ...stats };
  };
  const first = await time();
  const runs = [];
  for (let i = 0; i < c.runs; i++) runs.push(await time());
  await cold.pipe.dispose();
  // The same file again: its session created from the OS's file cache (the comparison for a browser-cache load).
  const again = await loadPipeline();
  await again.pipe.dispose();
  return summarize(c, { ms: cold.ms, threads: c.threads, device: 'cpu', dtype: c.dtype }, again.ms, first, runs);
}

async function measureOnnx() {
  const create = async () => {
    const start = performance.now();
    const session = await ort.InferenceSession.create(fs.readFileSync(c.onnxFile ?? ''), { ...sessionOptions, graphOptimizationLevel: 'all' });
    return { session, ms: performance.now() - start };
  };
  const cold = await create();
  const shape = c.shape ?? [];
  const data = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => ((i * 7919) % 255) / 255);
  const time = async () => {
    const start = performance.now();
    await cold.session.run({ [cold.session.inputNames[0]]: new ort.Tensor('float32', data, shape) });
    return { ms: performance.now() - start };
  };
  const first = await time();
  const runs = [];
  for (let i = 0; i < c.runs; i++) runs.push(await time());
  await cold.session.release();
  const again = await create();
  await again.session.release();
  return summarize(c, { ms: cold.ms, threads: c.threads, device: 'cpu' }, again.ms, first, runs);
}

const result = c.kind === 'onnx' ? await measureOnnx() : await measurePipeline();
// Peak resident memory of this whole process (Node included), in bytes.
console.log(JSON.stringify({ ...result, memory: process.resourceUsage().maxRSS * 1024 }));
