// What the lab's UI sends to the worker and gets back (structured-clone friendly).
import type { Device } from '../../protocol/messages';

export interface FeedPayload {
  name: string;
  dims: number[];
  /** Random values of the input's type, or values the UI built (from an image or JSON). */
  source: 'random' | 'values';
  values?: Float32Array | number[];
}

export interface LabRequest {
  action: 'run' | 'providers';
  model: { key: string; name: string; bytes: Blob };
  device: Device;
  feeds: FeedPayload[];
}

export interface HeatMap {
  rows: number;
  cols: number;
  /** The values as RGBA on the ramp (heat-paint.ts), row-major, painted in the worker. */
  pixels?: Uint8ClampedArray<ArrayBuffer>;
  /** The values themselves (block means): only in runs kept in the history from before the worker painted them. */
  data?: Float32Array;
  min: number;
  max: number;
  /** Which slice of the tensor this is, e.g. "[0, 0, :, :]". */
  slice: string;
  /** The slice's full size before downsampling. */
  fullRows: number;
  fullCols: number;
}

export interface TopK {
  index: number;
  value: number;
  /** Softmax of the scores, or the scores themselves when they already sum to 1. */
  probability: number;
}

export interface TensorSummary {
  name: string;
  type: string;
  dims: number[];
  size: number;
  min?: number;
  max?: number;
  mean?: number;
  std?: number;
  nonFinite: number;
  first: (number | string)[];
  heat?: HeatMap;
  topk?: TopK[];
}

export interface ProviderCheck {
  device: Device;
  ok: boolean;
  ms?: number;
  message?: string;
}

export interface LabOutput {
  action: 'run' | 'providers';
  modelName: string;
  device?: Device;
  /** Time to create the session when this run had to (first run on a model/device). */
  sessionMs?: number;
  runMs?: number;
  inputs?: { name: string; type: string; dims: number[]; source: FeedPayload['source'] }[];
  outputs?: TensorSummary[];
  providers?: ProviderCheck[];
}
