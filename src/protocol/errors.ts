import type { WireError } from './messages';
import { own } from './own';

/** Base class: every error shown to users has a name, a message and a hint on what to do next. */
export class PlaygroundError extends Error {
  hint?: string;
  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

// Names are written out: a minifier renames classes, and the name is what crosses the thread boundary.

export class ModelNotFoundError extends PlaygroundError {
  override name = 'ModelNotFoundError';
}
export class NoOnnxWeightsError extends PlaygroundError {
  override name = 'NoOnnxWeightsError';
}
export class DtypeUnavailableError extends PlaygroundError {
  override name = 'DtypeUnavailableError';
}
export class UnsupportedModelError extends PlaygroundError {
  override name = 'UnsupportedModelError';
}
export class NetworkError extends PlaygroundError {
  override name = 'NetworkError';
}
export class InvalidInputError extends PlaygroundError {
  override name = 'InvalidInputError';
}
export class CancelledError extends PlaygroundError {
  override name = 'CancelledError';
}
export class WorkerCrashedError extends PlaygroundError {
  override name = 'WorkerCrashedError';
}
export class NotLoadedError extends PlaygroundError {
  override name = 'NotLoadedError';
}
export class InferenceError extends PlaygroundError {
  override name = 'InferenceError';
}
/** A model repo or folder lacks a file the task needs (e.g. tokenizer.json). */
export class IncompleteModelError extends PlaygroundError {
  override name = 'IncompleteModelError';
}
/** No model is chosen and the model host has none for the task. */
export class NoModelError extends PlaygroundError {
  override name = 'NoModelError';
}

/** A downloaded file did not match the length or checksum its host announced; it was not cached. */
export class DamagedDownloadError extends PlaygroundError {
  override name = 'DamagedDownloadError';
}
/** A file in the browser's model cache could not be read as a model; it was removed. */
export class DamagedCacheError extends PlaygroundError {
  override name = 'DamagedCacheError';
}
/** A share link's (or a kept run's) model host that the user has not allowed yet: nothing is sent to it. */
export class HostNotAllowedError extends PlaygroundError {
  override name = 'HostNotAllowedError';
}

const CLASSES: Record<string, new (message: string, hint?: string) => PlaygroundError> = {
  HostNotAllowedError,
  ModelNotFoundError,
  NoOnnxWeightsError,
  DtypeUnavailableError,
  UnsupportedModelError,
  NetworkError,
  InvalidInputError,
  CancelledError,
  WorkerCrashedError,
  NotLoadedError,
  InferenceError,
  IncompleteModelError,
  NoModelError,
  DamagedDownloadError,
  DamagedCacheError,
};

export function toWire(error: unknown): WireError {
  if (error instanceof PlaygroundError) return { name: error.name, message: error.message, hint: error.hint };
  if (error instanceof Error) return { name: 'InferenceError', message: error.message };
  return { name: 'InferenceError', message: String(error) };
}

export function fromWire(wire: WireError): PlaygroundError {
  const Ctor = own(CLASSES, wire.name) ?? InferenceError;
  return new Ctor(wire.message, wire.hint);
}
