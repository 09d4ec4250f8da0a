import { env } from '@huggingface/transformers';
// Served by the app itself so nothing is fetched from a CDN (../shared/PLATFORM.md, trap 2).
// Transformers.js imports 'onnxruntime-web/webgpu', which pairs with the asyncify build; see wasmBuildFor for the plain one.
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import plainWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import plainMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import type { WasmBuild } from './device-probe';

let configuredThreads: number | undefined;

/** The thread count onnxruntime was started with in this worker, once it was. */
export const wasmThreadsConfigured = (): number | undefined => configuredThreads;

/**
 * Points onnxruntime at the app's own WASM files (the build `wasmBuildFor` chose) and fixes the thread count.
 * Shared with the benchmark's bare page (bench/), so `app / bare` compares the same runtime build under the same settings.
 */
export function configureWasm(threads: number, build: WasmBuild): void {
  if (configuredThreads !== undefined) return;
  // onnxruntime fetches and compiles its WASM itself (streaming); Transformers.js' own copy in
  // Cache Storage would duplicate what the HTTP cache and the PWA precache already hold.
  env.useWasmCache = false;
  const wasm = env.backends.onnx.wasm!;
  const base = globalThis.location?.href;
  const [wasmUrl, mjsUrl] = build === 'plain' ? [plainWasmUrl, plainMjsUrl] : [ortWasmUrl, ortMjsUrl];
  wasm.wasmPaths = { wasm: new URL(wasmUrl, base).href, mjs: new URL(mjsUrl, base).href };
  // Fixed when WASM first initialises; changing it later needs a fresh worker.
  wasm.numThreads = threads;
  configuredThreads = threads;
}
