import { AutoConfig, env, pipeline, ModelRegistry, type PipelineType } from '@huggingface/transformers';
// Served by the app itself so nothing is fetched from a CDN (../shared/PLATFORM.md, trap 2).
// Transformers.js imports 'onnxruntime-web/webgpu', which pairs with the asyncify build.
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import * as ort from 'onnxruntime-web/webgpu';
import type { Capabilities, Device, Dtype, LoadSpec } from '../protocol/messages';
import { identityModel } from './tiny-onnx';
import { cachedReport } from './cached-report';
import { chooseDevice, probeCapabilities } from './device-probe';
import { resolveDtype } from './dtype-choice';
import { classifyLoadError } from './load-errors';
import { ProgressTracker } from './progress-tracker';
import type { LoadedPipeline, ModelReport, ProgressUpdate, Runtime } from './types';

let configuredThreads: number | undefined;
let warming: Promise<void> | undefined;

function useHost(host: string): void {
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.useBrowserCache = true;
  env.remoteHost = host;
}

function configureWasm(threads: number): void {
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

/**
 * Initialises onnxruntime's WASM backend (fetch, compile, start threads) on a one-node model,
 * so the first real load does not pay for it. Later loads wait for it instead of racing it.
 */
function prewarm(caps: Capabilities): Promise<void> {
  configureWasm(caps.threads);
  warming ??= ort.InferenceSession.create(identityModel(), { executionProviders: ['wasm'] })
    .then((session) => session.release())
    .catch(() => undefined);
  return warming;
}

async function inspect(spec: Pick<LoadSpec, 'model' | 'host' | 'revision' | 'task'>): Promise<ModelReport> {
  useHost(spec.host);
  const where = { model: spec.model, host: spec.host };
  try {
    const config = await ModelRegistry.get_file_metadata(spec.model, 'config.json', { revision: spec.revision });
    if (!config.exists) throw classifyLoadError(new Error('config.json: 404'), { ...where, stage: 'config' });
    const available = (await ModelRegistry.get_available_dtypes(spec.model, { revision: spec.revision })) as Dtype[];
    if (available.length === 0) throw classifyLoadError(new Error('no onnx files'), { ...where, stage: 'weights' });
    const parsed = (await AutoConfig.from_pretrained(spec.model, { revision: spec.revision })) as unknown as Record<string, unknown>;
    const jsConfig = parsed['transformers.js_config'] as { dtype?: unknown } | undefined;
    return { available, configDtype: jsConfig?.dtype };
  } catch (error) {
    // Offline (or the host is down): a model already in the browser cache still loads from there.
    const cached = await cachedReport(spec).catch(() => undefined);
    if (cached) return cached;
    throw classifyLoadError(error, { ...where, stage: 'inspect' });
  }
}

async function createPipeline(
  spec: LoadSpec,
  device: Device,
  dtype: Dtype,
  onProgress: (update: ProgressUpdate) => void,
): Promise<{ pipe: unknown; bytes: number }> {
  const tracker = new ProgressTracker(onProgress);
  const pipe = await pipeline(spec.pipeline as PipelineType, spec.model, {
    device,
    dtype,
    revision: spec.revision,
    progress_callback: (info) => tracker.handle(info),
  });
  return { pipe, bytes: tracker.totalBytes() };
}

async function load(spec: LoadSpec, caps: Capabilities, onProgress: (u: ProgressUpdate) => void): Promise<LoadedPipeline> {
  const warmed = prewarm(caps);
  const report = await inspect(spec);
  await warmed;
  const first = chooseDevice(spec.device, caps);
  const fromCache = await isCached(spec).catch(() => false);
  const attempt = async (device: Device, fallbackReason?: string): Promise<LoadedPipeline> => {
    const dtype = resolveDtype(spec.dtype, report.available, {
      device,
      shaderF16: caps.webgpu.shaderF16,
      configDtype: report.configDtype,
    });
    const { pipe, bytes } = await createPipeline(spec, device, dtype, onProgress);
    return { pipe, device, dtype, bytes, fromCache, fallbackReason };
  };
  try {
    return await attempt(first.device, first.reason);
  } catch (error) {
    if (first.device !== 'webgpu') throw classifyLoadError(error, { model: spec.model, host: spec.host, stage: 'load' });
    const reason = `WebGPU could not run this model (${(error as Error).message}); using WASM`;
    try {
      return await attempt('wasm', reason);
    } catch (wasmError) {
      throw classifyLoadError(wasmError, { model: spec.model, host: spec.host, stage: 'load' });
    }
  }
}

async function isCached(spec: LoadSpec): Promise<boolean> {
  return ModelRegistry.is_pipeline_cached(spec.pipeline, spec.model, { revision: spec.revision });
}

async function dispose(pipe: unknown): Promise<void> {
  const disposable = pipe as { dispose?: () => Promise<void> } | null;
  await disposable?.dispose?.();
}

export const transformersRuntime: Runtime = { probe: probeCapabilities, prewarm, inspect, load, dispose };
