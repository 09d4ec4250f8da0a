import type { AttachContext } from '../tasks/types';
import type { Capabilities, Device, Dtype, FileProgress, LoadPhase, LoadSpec, LocalFile, ModelFacts, ModelPlan } from '../protocol/messages';

export interface ProgressUpdate {
  phase: LoadPhase;
  file?: string;
  loaded: number;
  total: number;
  files: Record<string, FileProgress>;
  /** The host a download has received nothing from for a while (absent once bytes flow again). */
  stalled?: string;
}

export type ModelReport = ModelFacts;

export interface LoadedPipeline {
  // The pipeline object is opaque to the handler; task runners know its shape.
  pipe: unknown;
  device: Device;
  dtype: Dtype;
  bytes: number;
  fromCache: boolean;
  fallbackReason?: string;
  /** Set when the model could not be saved in the browser cache. */
  cacheWarning?: string;
}

/** A task's hook that loads more of the model next to its pipeline (TaskRunner.attach). */
export type Attach = (pipe: unknown, ctx: AttachContext) => Promise<void>;

/** What the worker handler needs from the ML runtime; tests swap in a fake. */
export interface Runtime {
  probe(maxThreads?: number): Promise<Capabilities>;
  /** The WASM thread count onnxruntime started with in this worker; undefined before it starts. */
  wasmThreads?(): number | undefined;
  /** Starts the runtime's one-off initialisation in the background. */
  prewarm(caps: Capabilities): Promise<void>;
  inspect(spec: Pick<LoadSpec, 'model' | 'host' | 'revision' | 'task'> & { pipeline?: string }): Promise<ModelReport>;
  /** Aborting `signal` stops the load's downloads; it then rejects with a CancelledError. */
  /** `facts`: what a plan's check of this spec found; the load then does not check the model again. */
  load(spec: LoadSpec, caps: Capabilities, onProgress: (update: ProgressUpdate) => void, signal?: AbortSignal, attach?: Attach, facts?: ModelReport): Promise<LoadedPipeline>;
  dispose(pipe: unknown): Promise<void>;
  /** Files, sizes, precision and support of a model before it is loaded. */
  plan?(spec: LoadSpec, caps: Capabilities): Promise<ModelPlan>;
  /** The worker's WASM heap and live GPU buffer bytes now (see memory-meter.ts). */
  memory?(): { wasmHeapBytes: number; gpuBufferBytes?: number };
  /** Makes a model folder picked from disk loadable as `local/<name>`. */
  registerLocal?(name: string, files: LocalFile[]): Promise<number>;
}
