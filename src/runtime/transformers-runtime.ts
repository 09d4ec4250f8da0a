import { AutoConfig, env, pipeline, ModelRegistry, type PipelineType } from '@huggingface/transformers';
import * as ort from 'onnxruntime-web/webgpu';
import type { Capabilities, Device, Dtype, LoadSpec, ModelPlan } from '../protocol/messages';
import { identityModel } from './tiny-onnx';
import { configureWasm, wasmThreadsConfigured } from './wasm-config';
import { chooseDevice, probeCapabilities, wasmBuildFor } from './device-probe';
import { resolveDtype } from './dtype-choice';
import { classifyLoadError } from './load-errors';
import { ProgressTracker } from './progress-tracker';
import type { Attach, LoadedPipeline, ModelReport, ProgressUpdate, Runtime } from './types';
import { ModelCache } from '../cache/worker-cache';
import { cachePrefix } from '../cache/cache-url';
import { LOCAL_HOST } from '../models/local-ref';
import { registerLocalFolder, withLocalFiles } from './local-files';
import { estimateMemory } from './model-checks';
import { withDrainedProbes } from './drain-fetch';
import { inspectModel } from './inspect';
import { asLoadableConfig, decoderFamilyOf } from '../models/decoder-family';
import { HostGate } from './host-gate';
import { DownloadWatch } from './download-watch';
import { Listings } from './hub-listing';
import { damagedCacheError, damagedDownloadError, looksLikeDamagedFile } from './damaged-files';
import { CancelledError, DamagedDownloadError } from '../protocol/errors';
import { usePythonPreprocessing } from './preprocess/pil-processor';
import { installMemoryMeter, memorySnapshot } from './memory-meter';
import { createImageTextPipe, IMAGE_TEXT_PIPELINE } from './image-text-pipeline';
import { planFileNames } from './plan-files';

// Before onnxruntime creates its WASM heap (at the first prewarm), so the heap is seen.
installMemoryMeter();

let warming: Promise<void> | undefined;
const downloads = new DownloadWatch();
const modelCache = new ModelCache(undefined, downloads);
const listings = new Listings();
let hooked = false;

/**
 * Transformers.js reads the model host from one global (`env.remoteHost`) each time it builds a URL, so work on
 * two hosts at once would fetch from the wrong one. Work on the same host runs together; another host waits.
 */
const hostGate = new HostGate();

function withHost<T>(host: string, work: () => Promise<T>): Promise<T> {
  return hostGate.run(host, () => {
    useHost(host);
    return work();
  });
}

function useHost(host: string): void {
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.useBrowserCache = true;
  env.remoteHost = host;
  if (hooked) return;
  hooked = true;
  // Our own cache wrapper (quota failures reported and cleaned up) and local folders served from disk.
  env.useCustomCache = true;
  env.customCache = modelCache;
  env.fetch = withLocalFiles(withDrainedProbes(downloads.wrap(env.fetch)));
}

/**
 * Initialises onnxruntime's WASM backend (fetch, compile, start threads) on a one-node model,
 * so the first real load does not pay for it. Later loads wait for it instead of racing it.
 */
function prewarm(caps: Capabilities): Promise<void> {
  configureWasm(caps.threads, wasmBuildFor(caps));
  warming ??= ort.InferenceSession.create(identityModel(), { executionProviders: ['wasm'] })
    .then((session) => session.release())
    .catch(() => undefined);
  return warming;
}

function inspect(spec: Pick<LoadSpec, 'model' | 'host' | 'revision' | 'task'> & { pipeline?: string }): Promise<ModelReport> {
  return withHost(spec.host, () => inspectModel(spec, modelCache));
}

function plan(spec: LoadSpec, caps: Capabilities): Promise<ModelPlan> {
  // Asked alongside the check (not after it), and kept for the load: see expectListed.
  void expectListed(spec);
  return withHost(spec.host, () => planOnHost(spec, caps));
}

/**
 * Lets the download checks use the sha256 and size the host's model API lists for each LFS file, for a host
 * whose downloads carry no X-Linked-Etag (a mirror or proxy that drops it). One request per model version.
 */
async function expectListed(spec: Pick<LoadSpec, 'host' | 'model' | 'revision'>): Promise<void> {
  if (spec.host === LOCAL_HOST) return;
  const listing = await listings.get(spec.host, spec.model, spec.revision);
  downloads.expectListed(cachePrefix(spec.host, spec.model, spec.revision), listing);
}

async function planOnHost(spec: LoadSpec, caps: Capabilities): Promise<ModelPlan> {
  const report = await inspectModel(spec, modelCache);
  const { device } = chooseDevice(spec.device, caps);
  const dtype = resolveDtype(spec.dtype, report.available, { device, shaderF16: caps.webgpu.shaderF16, configDtype: report.configDtype });
  try {
    const names = await planFileNames(spec, report.modelType, { dtype, device });
    const local = spec.host === LOCAL_HOST;
    const metas = await Promise.all(
      [...new Set(names)].map(async (name) => ({ name, meta: await ModelRegistry.get_file_metadata(spec.model, name, { revision: spec.revision }) })),
    );
    // Read the cache itself: Transformers.js memoizes file metadata, so `fromCache` can predate a download.
    const cached = new Set(local ? [] : await modelCache.cachedFiles(cachePrefix(spec.host, spec.model, spec.revision)).catch(() => []));
    const files = metas
      .filter(({ meta }) => meta.exists)
      .map(({ name, meta }) => ({ name, size: meta.size, cached: cached.has(name) }));
    const totalBytes = files.reduce((sum, file) => sum + (file.size ?? 0), 0);
    const downloadBytes = local ? 0 : files.reduce((sum, file) => sum + (file.cached ? 0 : file.size ?? 0), 0);
    return {
      available: report.available,
      defaultDtype: typeof report.configDtype === 'string' ? report.configDtype : undefined,
      ...(report.configDtype === undefined ? {} : { configDtype: report.configDtype }),
      dtype,
      device,
      modelType: report.modelType,
      architectures: report.architectures ?? [],
      files,
      totalBytes,
      downloadBytes,
      memoryBytes: estimateMemory(files),
    };
  } catch (error) {
    throw classifyLoadError(error, { model: spec.model, host: spec.host, stage: 'inspect' });
  }
}

async function createPipeline(
  spec: LoadSpec,
  report: { family: boolean },
  device: Device,
  dtype: Dtype,
  onProgress: (update: ProgressUpdate) => void,
  attach?: Attach,
): Promise<{ pipe: unknown; bytes: number }> {
  const tracker = new ProgressTracker(onProgress);
  const build = async (): Promise<{ pipe: unknown; bytes: number }> => {
    if (spec.pipeline === IMAGE_TEXT_PIPELINE) {
      const pipe = await createImageTextPipe(spec, { device, dtype, onProgress: (info) => tracker.handle(info) });
      usePythonPreprocessing(pipe);
      return { pipe, bytes: tracker.totalBytes() };
    }
    const options = { device, dtype, revision: spec.revision, progress_callback: (info: unknown) => tracker.handle(info) };
    const pipe = await pipeline(spec.pipeline as PipelineType, spec.model, {
      ...options,
      config: report.family ? asLoadableConfig(await AutoConfig.from_pretrained(spec.model, { revision: spec.revision })) : undefined,
    });
    usePythonPreprocessing(pipe);
    try {
      await attach?.(pipe, { model: spec.model, options });
    } catch (error) {
      await dispose(pipe).catch(() => undefined);
      throw error;
    }
    return { pipe, bytes: tracker.totalBytes() };
  };
  try {
    const built = await build();
    // Its last figures are shown; nothing of this load arrives after it has ended.
    tracker.stop(true);
    return built;
  } catch (error) {
    tracker.stop();
    throw error;
  }
}

function load(spec: LoadSpec, caps: Capabilities, onProgress: (u: ProgressUpdate) => void, signal?: AbortSignal, attach?: Attach, facts?: ModelReport): Promise<LoadedPipeline> {
  return withHost(spec.host, () => watchedLoad(spec, caps, onProgress, signal, attach, facts));
}

/**
 * A load with its downloads watched: cancelling it aborts them, a stall is reported while it lasts, a file
 * that failed its checks (not cached) fails the load with a clear error, and a cached file that cannot be
 * parsed is dropped with the rest of that model version's cached files.
 */
async function watchedLoad(
  spec: LoadSpec,
  caps: Capabilities,
  onProgress: (u: ProgressUpdate) => void,
  signal?: AbortSignal,
  attach?: Attach,
  facts?: ModelReport,
): Promise<LoadedPipeline> {
  const prefix = cachePrefix(spec.host, spec.model, spec.revision);
  // A cancelled load's last cache write may still be checking its file (it waits for the host's listing): let it
  // end before this load's lists are started afresh, so what it finds is not taken for this load's.
  await modelCache.settle(prefix);
  modelCache.allow(prefix);
  downloads.unblock(prefix);
  downloads.keepBodies(prefix);
  const stop = () => downloads.abort(prefix);
  signal?.addEventListener('abort', stop);
  let last: ProgressUpdate = { phase: 'download', loaded: 0, total: 0, files: {} };
  const emit = (update: ProgressUpdate) => onProgress((last = update));
  const unwatch = downloads.onStall((host) => onProgress({ ...last, stalled: host }));
  try {
    if (signal?.aborted) throw new CancelledError('Stopped.');
    // Not waited for: a cached load needs no listing, and a download's check waits for it itself.
    downloads.listingUnderWay(prefix, expectListed(spec));
    const loaded = await loadOnHost(spec, caps, emit, attach, facts);
    const damaged = modelCache.takeDamaged(prefix);
    if (damaged.length === 0) return loaded;
    await dispose(loaded.pipe).catch(() => undefined);
    throw damagedDownloadError(damaged);
  } catch (error) {
    throw await explainFailure(error, spec, prefix, signal);
  } finally {
    signal?.removeEventListener('abort', stop);
    downloads.unblock(prefix);
    downloads.dropBodies(prefix);
    unwatch();
  }
}

async function explainFailure(error: unknown, spec: LoadSpec, prefix: string, signal?: AbortSignal): Promise<unknown> {
  if (signal?.aborted) return new CancelledError('Stopped.');
  const failed = await withDamage(error, spec, prefix);
  // A file failed its check: the host's file list is asked again next time (the model may have changed there).
  if (failed instanceof DamagedDownloadError) listings.drop(spec.host, spec.model, spec.revision);
  return failed;
}

async function withDamage(error: unknown, spec: LoadSpec, prefix: string): Promise<unknown> {
  if (error instanceof DamagedDownloadError) return error;
  await modelCache.settle(prefix);
  const damaged = modelCache.takeDamaged(prefix);
  if (damaged.length > 0) return damagedDownloadError(damaged);
  if (looksLikeDamagedFile(error) && modelCache.servedFromCache(prefix)) {
    await modelCache.purge(prefix).catch(() => undefined);
    return damagedCacheError(spec.model);
  }
  return error;
}

/**
 * A named span of a load on this worker's performance timeline, so a profile (or the bench, through Playwright's
 * worker handle) can tell where a load's time went: `load:inspect`, `load:runtime`, `load:pipeline`, `load:warmup`.
 */
async function span<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

async function loadOnHost(spec: LoadSpec, caps: Capabilities, onProgress: (u: ProgressUpdate) => void, attach?: Attach, facts?: ModelReport): Promise<LoadedPipeline> {
  const warmed = prewarm(caps);
  // A plan's check of this very spec (the page hands it over) stands for the load's own.
  const report = await span('load:inspect', async () => facts ?? inspectModel(spec, modelCache));
  // What is left of onnxruntime's start-up (WASM compile, threads) after the checks above.
  await span('load:runtime', () => warmed);
  const first = chooseDevice(spec.device, caps);
  const attempt = async (device: Device, fallbackReason?: string): Promise<LoadedPipeline> => {
    const dtype = resolveDtype(spec.dtype, report.available, {
      device,
      shaderF16: caps.webgpu.shaderF16,
      configDtype: report.configDtype,
    });
    // A Llama-family decoder Transformers.js has no type for (openPangu-Embedded) loads with its config rewritten.
    const family = Boolean(decoderFamilyOf(report.modelType, report.architectures));
    const { pipe, bytes } = await span('load:pipeline', () => createPipeline(spec, { family }, device, dtype, onProgress, attach));
    const fromCache = modelCache.loadedFromCache(cachePrefix(spec.host, spec.model, spec.revision));
    return { pipe, device, dtype, bytes, fromCache, fallbackReason, cacheWarning: await cacheProblem(spec) };
  };
  try {
    return await attempt(first.device, first.reason);
  } catch (error) {
    // A cache failure during the first attempt blocks this model's writes until its next load: the retry
    // caches nothing, so the warning found now is the one to show.
    const cacheWarning = await cacheProblem(spec);
    if (first.device !== 'webgpu') throw classifyLoadError(error, { model: spec.model, host: spec.host, stage: 'load' });
    const reason = `WebGPU could not run this model (${(error as Error).message}); using WASM`;
    try {
      const loaded = await attempt('wasm', reason);
      return { ...loaded, cacheWarning: loaded.cacheWarning ?? cacheWarning };
    } catch (wasmError) {
      throw classifyLoadError(wasmError, { model: spec.model, host: spec.host, stage: 'load' });
    }
  }
}

/** After a failed cache write, removes what was written of this model and says what happened. */
async function cacheProblem(spec: LoadSpec): Promise<string | undefined> {
  const prefix = cachePrefix(spec.host, spec.model, spec.revision);
  await modelCache.settle(prefix);
  const failure = modelCache.takeFailure(prefix);
  const unsaved = modelCache.takeUnsaved(prefix);
  if (!failure && unsaved.length > 0) {
    const files = unsaved.map((u) => u.file).join(', ');
    return `${files} could not be saved for offline use (${unsaved[0].message.replace(/\.$/, '')}). It runs now, but will download again next time; a private window, or a disk short of space, keeps the browser from storing large files.`;
  }
  if (!failure) return undefined;
  await modelCache.purge(prefix).catch(() => undefined);
  return `It could not be saved for offline use: ${failure.message}. It runs now, but will download again next time. Free some space in Models (top bar) to cache it.`;
}

async function dispose(pipe: unknown): Promise<void> {
  const disposable = pipe as { dispose?: () => Promise<void> } | null;
  await disposable?.dispose?.();
}

async function registerLocal(name: string, files: Parameters<typeof registerLocalFolder>[1]): Promise<number> {
  return registerLocalFolder(name, files);
}

export const transformersRuntime: Runtime = {
  probe: probeCapabilities,
  wasmThreads: wasmThreadsConfigured,
  prewarm,
  inspect,
  load,
  dispose,
  plan,
  registerLocal,
  memory: memorySnapshot,
};
