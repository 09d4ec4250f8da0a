import type { WireError } from './messages';

/** Base class: every error shown to users has a name, a message and a hint on what to do next. */
export class PlaygroundError extends Error {
  hint?: string;
  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
    this.name = new.target.name;
  }
}

export class ModelNotFoundError extends PlaygroundError {}
export class NoOnnxWeightsError extends PlaygroundError {}
export class DtypeUnavailableError extends PlaygroundError {}
export class UnsupportedModelError extends PlaygroundError {}
export class NetworkError extends PlaygroundError {}
export class InvalidInputError extends PlaygroundError {}
export class CancelledError extends PlaygroundError {}
export class WorkerCrashedError extends PlaygroundError {}
export class NotLoadedError extends PlaygroundError {}
export class InferenceError extends PlaygroundError {}

const CLASSES = {
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
} as const;

export function toWire(error: unknown): WireError {
  if (error instanceof PlaygroundError) return { name: error.name, message: error.message, hint: error.hint };
  if (error instanceof Error) return { name: 'InferenceError', message: error.message };
  return { name: 'InferenceError', message: String(error) };
}

export function fromWire(wire: WireError): PlaygroundError {
  const Ctor = CLASSES[wire.name as keyof typeof CLASSES] ?? InferenceError;
  return new Ctor(wire.message, wire.hint);
}
