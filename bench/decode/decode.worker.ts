// Times one greedy generation four ways on the same session, in one worker, with per-token phases:
// Transformers.js' pipeline (as the app ran it), its model.generate, the project's lean loop
// (src/tasks/shared/lean-decode.ts) and the raw onnxruntime-web session loop (the floor).
import { env, pipeline, TextStreamer, type Tensor } from '@huggingface/transformers';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
// A second onnxruntime-web instance, the plain (non-asyncify) WASM build, for the floor without asyncify.
import * as ortPlain from 'onnxruntime-web/wasm';
import plainWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import plainMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import { generateLean, type LeanModel, type OrtSessionLike, type OrtTensorLike } from '../../src/tasks/shared/lean-decode';

interface Settings { build?: string; host: string; model: string; threads?: string; tokens?: string; reps?: string; prompt?: string; dtype?: string }
interface Phases { totalMs: number; firstTokenMs: number; runMs: number; runs: number; streamMs: number; postMs: number; tokens: number; text: string }

let runMs = 0;
let runs = 0;
// Per-step samples pooled over the repetitions: on a shared, busy machine a low percentile of these says
// more about a loop's own cost than any total does.
let tokenTimes: number[] = [];
let runTimes: number[] = [];

/** Counts the time spent inside session.run (as performance measures too, for a profile). */
function instrument(session: OrtSessionLike): void {
  const run = session.run.bind(session);
  (session as { run: OrtSessionLike['run'] }).run = async (feeds) => {
    const start = performance.now();
    performance.mark('run-start');
    const outputs = await run(feeds);
    performance.measure('session.run', 'run-start');
    runMs += performance.now() - start;
    runTimes.push(performance.now() - start);
    runs += 1;
    return outputs;
  };
}

/** A streamer like the app's (src/tasks/shared/token-stream.ts): decodes, posts one partial per text piece. */
function streamer(tokenizer: unknown, phases: Phases, start: number) {
  let text = '';
  const inner = new TextStreamer(tokenizer as never, {
    skip_prompt: true,
    skip_special_tokens: true,
    callback_function: (piece: string) => {
      const t = performance.now();
      text += piece;
      postMessage({ type: 'partial', text: piece });
      phases.postMs += performance.now() - t;
    },
    token_callback_function: () => {
      phases.tokens += 1;
      tokenTimes.push(performance.now());
      if (phases.tokens === 1) phases.firstTokenMs = performance.now() - start;
    },
  });
  return {
    put(ids: bigint[][]) { const t = performance.now(); inner.put(ids); phases.streamMs += performance.now() - t; },
    end() { const t = performance.now(); inner.end(); phases.streamMs += performance.now() - t; phases.text = text; },
  };
}

async function timed(work: (s: ReturnType<typeof streamer>) => Promise<unknown>, tokenizer: unknown): Promise<Phases> {
  const phases: Phases = { totalMs: 0, firstTokenMs: 0, runMs: 0, runs: 0, streamMs: 0, postMs: 0, tokens: 0, text: '' };
  runMs = 0;
  runs = 0;
  const start = performance.now();
  await work(streamer(tokenizer, phases, start));
  phases.totalMs = performance.now() - start;
  phases.runMs = runMs;
  phases.runs = runs;
  return phases;
}

/** The floor: the session fed by hand, present -> past, argmax, nothing else. */
async function rawLoop(session: OrtSessionLike, ids: bigint[], tokens: number, Ctor: new (t: string, d: unknown, s: number[]) => OrtTensorLike) {
  const pasts = session.inputNames.filter((n) => n.startsWith('past_key_values.'));
  const meta = (session as unknown as { inputMetadata: { name: string; shape: (number | string)[] }[] }).inputMetadata;
  const feeds: Record<string, OrtTensorLike> = {};
  for (const name of pasts) {
    const shape = meta.find((m) => m.name === name)!.shape.map((d, i) => (i === 0 ? 1 : typeof d === 'number' ? d : 0));
    feeds[name] = new Ctor('float32', new Float32Array(0), shape);
  }
  let input = ids;
  let past = 0;
  const start = performance.now();
  let first = 0;
  for (let step = 0; step < tokens; step += 1) {
    const total = past + input.length;
    feeds.input_ids = new Ctor('int64', BigInt64Array.from(input), [1, input.length]);
    feeds.attention_mask = new Ctor('int64', new BigInt64Array(total).fill(1n), [1, total]);
    feeds.position_ids = new Ctor('int64', BigInt64Array.from(input, (_, i) => BigInt(past + i)), [1, input.length]);
    const out = await session.run(feeds);
    const logits = out.logits.data as Float32Array;
    const vocab = out.logits.dims.at(-1)!;
    let best = logits.length - vocab;
    for (let i = best + 1; i < logits.length; i += 1) if (logits[i] > logits[best]) best = i;
    for (const name of pasts) feeds[name] = out[`present.${name.slice('past_key_values.'.length)}`];
    past = total;
    input = [BigInt(best - (logits.length - vocab))];
    tokenTimes.push(performance.now());
    if (step === 0) first = performance.now() - start;
  }
  return { totalMs: performance.now() - start, firstTokenMs: first, runMs, runs, tokens };
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)];
const median = (xs: number[]) => percentile(xs, 0.5);

async function profile(s: Settings) {
  const threads = Number(s.threads ?? 1);
  const tokens = Number(s.tokens ?? 64);
  const reps = Number(s.reps ?? 5);
  const prompt = s.prompt ?? 'Once upon a time';
  env.allowLocalModels = false;
  env.remoteHost = s.host;
  env.useWasmCache = false;
  // build=plain: Transformers.js' onnxruntime (the webgpu bundle) on the plain WASM build instead of asyncify.
  const [wasm, mjs] = s.build === 'plain' ? [plainWasmUrl, plainMjsUrl] : [ortWasmUrl, ortMjsUrl];
  env.backends.onnx.wasm!.wasmPaths = { wasm: new URL(wasm, location.href).href, mjs: new URL(mjs, location.href).href };
  env.backends.onnx.wasm!.numThreads = threads;
  const pipe = (await pipeline('text-generation', s.model, { device: 'wasm', dtype: (s.dtype ?? 'fp32') as 'fp32' })) as unknown as {
    (text: string, o: Record<string, unknown>): Promise<unknown>;
    model: LeanModel;
    tokenizer: ((t: string, o?: Record<string, unknown>) => { input_ids: Tensor; attention_mask: Tensor }) & { add_bos_token?: boolean };
  };
  const session = pipe.model.sessions.model;
  instrument(session);
  const options = { max_new_tokens: tokens, min_new_tokens: tokens, do_sample: false };
  const encoded = () => pipe.tokenizer(prompt, { add_special_tokens: pipe.tokenizer.add_bos_token ?? false });
  const Ctor = (encoded().input_ids as unknown as { ort_tensor: object }).ort_tensor.constructor as never;
  ortPlain.env.wasm.wasmPaths = { wasm: new URL(plainWasmUrl, location.href).href, mjs: new URL(plainMjsUrl, location.href).href };
  ortPlain.env.wasm.numThreads = threads;
  // The same file the pipeline loaded: Transformers.js' file name for each precision.
  const suffix: Record<string, string> = { fp32: '', fp16: '_fp16', q8: '_quantized', q4: '_q4', q4f16: '_q4f16' };
  const file = `model${suffix[s.dtype ?? 'fp32'] ?? `_${s.dtype}`}.onnx`;
  const bytes = new Uint8Array(await (await fetch(`${s.host}${s.model}/resolve/main/onnx/${file}`)).arrayBuffer());
  const plain = (await ortPlain.InferenceSession.create(bytes, { executionProviders: ['wasm'] })) as unknown as OrtSessionLike;
  instrument(plain);
  const variants: Record<string, () => Promise<Phases | Awaited<ReturnType<typeof rawLoop>>>> = {
    pipeline: () => timed((st) => pipe(prompt, { ...options, streamer: st }), pipe.tokenizer),
    generate: () => timed((st) => pipe.model.generate({ ...encoded(), ...options, streamer: st }), pipe.tokenizer),
    lean: () => timed((st) => generateLean(pipe.model, { ...encoded(), ...options, streamer: st }), pipe.tokenizer),
    raw: async () => {
      runMs = 0;
      runs = 0;
      const r = await rawLoop(session, Array.from(encoded().input_ids.data as BigInt64Array), tokens, Ctor);
      return { ...r, runMs, runs };
    },
    rawPlain: async () => {
      runMs = 0;
      runs = 0;
      const r = await rawLoop(plain, Array.from(encoded().input_ids.data as BigInt64Array), tokens, ortPlain.Tensor as never);
      return { ...r, runMs, runs };
    },
  };
  const promptTokens = (encoded().input_ids.data as BigInt64Array).length;
  const report: Record<string, unknown> = { build: s.build ?? 'asyncify', threads, tokens, reps, crossOriginIsolated, model: s.model, promptTokens };
  for (const variant of Object.values(variants)) await variant(); // warm-up each path once
  // Interleaved, so a busy spell on a shared machine lands on every loop alike.
  const all: Record<string, unknown[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  const gaps: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  const runSamples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let i = 0; i < reps; i += 1) {
    for (const [name, variant] of Object.entries(variants)) {
      tokenTimes = [];
      runTimes = [];
      all[name].push(await variant());
      // Decode steps only: the gap before the first token is the prefill.
      for (let t = 1; t < tokenTimes.length; t += 1) gaps[name].push(tokenTimes[t] - tokenTimes[t - 1]);
      runSamples[name].push(...runTimes.slice(1));
    }
  }
  for (const [name, results] of Object.entries(all)) {
    const pick = (key: string) => median(results.map((r) => Number((r as unknown as Record<string, number>)[key] ?? 0)));
    const total = pick('totalMs');
    const first = pick('firstTokenMs');
    report[name] = {
      totalMs: total,
      tokenMsP10: percentile(gaps[name], 0.1),
      tokenMsP50: percentile(gaps[name], 0.5),
      runMsP10: percentile(runSamples[name], 0.1),
      runMsP50: percentile(runSamples[name], 0.5),
      minTotalMs: Math.min(...results.map((r) => (r as Phases).totalMs)),
      firstTokenMs: first,
      decodeTokPerS: ((tokens - 1) / (total - first)) * 1000,
      runMs: pick('runMs'),
      runs: pick('runs'),
      streamMs: pick('streamMs'),
      postMs: pick('postMs'),
      tokens: pick('tokens'),
      text: (results[0] as Phases).text,
    };
  }
  return report;
}

addEventListener('message', (event: MessageEvent<Settings>) => {
  profile(event.data).then(
    (report) => postMessage({ type: 'done', report }),
    (error: Error) => postMessage({ type: 'error', error: `${error.name}: ${error.message}\n${error.stack}` }),
  );
});
