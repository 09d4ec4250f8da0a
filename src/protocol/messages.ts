// The contract between the UI thread and the inference worker. This module and
// errors.ts are the only code both threads import.

export type DeviceChoice = 'auto' | 'webgpu' | 'wasm';
export type Device = 'webgpu' | 'wasm';
export type DtypeChoice = 'auto' | Dtype;
export const DTYPES = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'q4f16', 'bnb4'] as const;
export type Dtype = (typeof DTYPES)[number];

export interface LoadSpec {
  /** The app's task id (a folder under src/tasks). */
  task: string;
  /** The Transformers.js pipeline that task runs on (several tasks may share one). */
  pipeline: string;
  model: string;
  /** Base URL of a server with the Hub's URL layout, ending in '/'. */
  host: string;
  revision: string;
  device: DeviceChoice;
  dtype: DtypeChoice;
}

export interface FileProgress {
  loaded: number;
  total: number;
}

export type LoadPhase = 'download' | 'compile' | 'warmup';

export interface Capabilities {
  webgpu: { available: boolean; fallbackAdapter: boolean; shaderF16: boolean; adapter?: string; reason?: string };
  crossOriginIsolated: boolean;
  threads: number;
}

export interface LoadedInfo {
  device: Device;
  dtype: string;
  threads: number;
  /** Why the device differs from what was asked for, if it does. */
  fallbackReason?: string;
  loadMs: number;
  bytes: number;
  fromCache: boolean;
  /** Set when the model runs but could not be saved in the browser cache (e.g. storage full). */
  cacheWarning?: string;
  /** What the loaded model really takes, measured after the load (absent where it could not be measured). */
  memory?: MeasuredMemory;
}

export interface MeasuredMemory {
  /** onnxruntime's WASM heap after the load (it never shrinks: it may hold what an earlier model needed). */
  wasmHeapBytes?: number;
  /** How much that heap grew during this load. */
  wasmHeapGrowthBytes?: number;
  /** Bytes of the GPU buffers alive after a WebGPU load. */
  gpuBufferBytes?: number;
  /** performance.measureUserAgentSpecificMemory() of the page (cross-origin isolated only; arrives later). */
  pageBytes?: number;
}

/** One file a load will fetch, with its size when the host tells it. */
export interface PlannedFile {
  name: string;
  size?: number;
  cached: boolean;
}

/** What loading a model will mean, worked out before anything large downloads. */
/** What a model's check found (its config, the ONNX files it has): enough to load it without asking its host again. */
export interface ModelFacts {
  available: Dtype[];
  /** The dtype the model's own config asks for, if any. */
  configDtype?: unknown;
  modelType?: string;
  architectures?: string[];
}

export interface ModelPlan {
  available: Dtype[];
  defaultDtype?: string;
  /** As ModelFacts.configDtype: what the load's choice of precision reads. */
  configDtype?: unknown;
  /** The precision and device a load with these settings would use. */
  dtype: Dtype;
  device: Device;
  modelType?: string;
  architectures: string[];
  files: PlannedFile[];
  totalBytes: number;
  /** Bytes not in the browser cache yet. */
  downloadBytes: number;
  /** A rough estimate of the memory the loaded model needs. */
  memoryBytes: number;
}

/** A file of a model folder picked from disk; `path` is relative to the folder (e.g. onnx/model.onnx). */
export interface LocalFile {
  path: string;
  file: File;
}

export interface RunStats {
  latencyMs: number;
  /** Of the latency, the time inside onnxruntime's session.run (the model's own compute); absent where unmeasured. */
  modelMs?: number;
  /** Generation only. */
  ttftMs?: number;
  tokens?: number;
  tokensPerSecond?: number;
}

export type Request =
  | {
      id: number;
      type: 'probe';
      /** At most this many WASM threads (`?threads=` in the page URL). */
      maxThreads?: number;
      /** Also start onnxruntime's WASM (fetch, compile, threads) now; default true. The page asks for it once it is idle. */
      prewarm?: boolean;
      /** Start onnxruntime with this many threads (at most the cap): a fresh worker for a model that runs best so. */
      threads?: number;
      /** The task open on the page: with a prewarm, its runner's code is fetched now rather than at its first Load. */
      task?: string;
    }
  /**
   * `threads`: the count the page's plan of this spec gives (thread-choice.ts); without it the worker plans the model
   * itself. `facts`: what that plan's check found, so a worker that did not make it (a fresh one) need not check again.
   */
  | { id: number; type: 'load'; spec: LoadSpec; threads?: number; facts?: ModelFacts }
  | {
      id: number;
      type: 'run';
      task: string;
      input: unknown;
      params: Record<string, unknown>;
      /** Int32 flag the UI sets to 1 to stop: readable even while the worker's event loop is busy. */
      interrupt?: SharedArrayBuffer;
    }
  | { id: number; type: 'cancel'; target: number }
  | { id: number; type: 'unload' }
  | { id: number; type: 'dtypes'; spec: Pick<LoadSpec, 'model' | 'host' | 'revision' | 'task'> & { pipeline?: string } }
  | { id: number; type: 'plan'; spec: LoadSpec }
  | { id: number; type: 'local-folder'; name: string; files: LocalFile[] };

export type RequestType = Request['type'];

/**
 * The worker's answer to a load that would run better on another thread count than the one its onnxruntime
 * started with (fixed per worker): the engine client starts a fresh worker with that count and loads there.
 * Never reaches the client's callers.
 */
export interface ThreadSwitch {
  restartWithThreads: number;
}

export const isThreadSwitch = (data: unknown): data is ThreadSwitch =>
  typeof data === 'object' && data !== null && typeof (data as ThreadSwitch).restartWithThreads === 'number';

export interface ResultOf {
  probe: Capabilities;
  load: LoadedInfo;
  run: { output: unknown; stats: RunStats };
  cancel: { cancelled: boolean };
  unload: { unloaded: boolean };
  dtypes: { available: Dtype[]; defaultDtype?: string };
  plan: ModelPlan;
  'local-folder': { name: string; files: number };
}

export interface WireError {
  name: string;
  message: string;
  hint?: string;
}

export type WorkerEvent =
  | { id: number; type: 'progress'; phase: LoadPhase; file?: string; loaded: number; total: number; files: Record<string, FileProgress>; stalled?: string }
  | { id: number; type: 'partial'; data: unknown }
  | { id: number; type: 'result'; data: unknown }
  | { id: number; type: 'error'; error: WireError };

/** Distributes Omit over a union so each request variant keeps its own fields. */
export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
