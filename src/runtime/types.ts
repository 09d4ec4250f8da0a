import type { Capabilities, Device, Dtype, FileProgress, LoadPhase, LoadSpec } from '../protocol/messages';

export interface ProgressUpdate {
  phase: LoadPhase;
  file?: string;
  loaded: number;
  total: number;
  files: Record<string, FileProgress>;
}

export interface ModelReport {
  available: Dtype[];
  /** The dtype the model's own config asks for, if any. */
  configDtype?: unknown;
}

export interface LoadedPipeline {
  // The pipeline object is opaque to the handler; task runners know its shape.
  pipe: unknown;
  device: Device;
  dtype: Dtype;
  bytes: number;
  fromCache: boolean;
  fallbackReason?: string;
}

/** What the worker handler needs from the ML runtime; tests swap in a fake. */
export interface Runtime {
  probe(): Promise<Capabilities>;
  /** Starts the runtime's one-off initialisation in the background. */
  prewarm(caps: Capabilities): Promise<void>;
  inspect(spec: Pick<LoadSpec, 'model' | 'host' | 'revision' | 'task'>): Promise<ModelReport>;
  load(spec: LoadSpec, caps: Capabilities, onProgress: (update: ProgressUpdate) => void): Promise<LoadedPipeline>;
  dispose(pipe: unknown): Promise<void>;
}
