// @ts-check
// The benchmark's reference: one task's model through Transformers.js in Node (onnxruntime-node, native
// CPU), in its own process so it shares nothing with the browser run. Prints one JSON line.
import path from 'node:path';
import { pipeline, env } from '@huggingface/transformers';
import { defaultDir } from './model-mirror.mjs';

const [task, model, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg ?? 10);
const COFFEE = path.resolve('public/samples/coffee.png');
const SENTENCES = ['Someone is strumming a guitar on stage.', 'The stock market fell sharply today.', 'A chef is cooking pasta in a busy kitchen.'];

/** The same inputs the browser run uses. @type {Record<string, (pipe: (input: unknown, options: object) => Promise<unknown>) => Promise<unknown>>} */
const CALLS = {
  'text-classification': (pipe) => pipe('I love this movie', { top_k: null }),
  'feature-extraction': (pipe) => pipe([...SENTENCES, 'A man is playing a guitar.'], { pooling: 'mean', normalize: true }),
  'text-generation': (pipe) => pipe('Once upon a time', { max_new_tokens: 64, do_sample: false }),
  'image-classification': (pipe) => pipe(COFFEE, { top_k: 5 }),
  'object-detection': (pipe) => pipe(COFFEE, { threshold: 0.1, percentage: false }),
};

const call = CALLS[/** @type {keyof typeof CALLS} */ (task)];
if (!call) throw new Error(`no native reference for ${task}`);
env.allowRemoteModels = false;
env.localModelPath = `${defaultDir()}/`;
const start = performance.now();
const pipe = await pipeline(/** @type {any} */ (task), model);
const loadMs = performance.now() - start;
const times = [];
for (let i = 0; i <= RUNS; i++) {
  const t = performance.now();
  await call(pipe);
  if (i > 0) times.push(performance.now() - t);
}
await pipe.dispose();
times.sort((a, b) => a - b);
console.log(JSON.stringify({ loadMs, latencyMs: times[Math.floor(times.length / 2)] }));
