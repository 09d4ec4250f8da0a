import { env } from '@huggingface/transformers';
// Served by the app itself so nothing is fetched from a CDN (../shared/PLATFORM.md, trap 2).
// Transformers.js imports 'onnxruntime-web/webgpu', which pairs with the asyncify build.
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';

let configuredThreads: number | undefined;

/**
 * Points onnxruntime at the app's own WASM files and fixes the thread count. Shared with the benchmark's bare
 * page (bench/), so `app / bare` compares the same runtime build under the same settings.
 */
export function configureWasm(threads: number): void {
  if (configuredThreads !== undefined) return;
  // onnxruntime fetches and compiles its WASM itself (streaming); Transformers.js' own copy in
  // Cache Storage would duplicate what the HTTP cache and the PWA precache already hold.
  env.useWasmCache = false;
  const wasm = env.backends.onnx.wasm!;
  const base = globalThis.location?.href;
  wasm.wasmPaths = { wasm: new URL(ortWasmUrl, base).href, mjs: new URL(ortMjsUrl, base).href };
  // Fixed when WASM first initialises; changing it later needs a fresh worker.
  wasm.numThreads = threads;
  configuredThreads = threads;
}
