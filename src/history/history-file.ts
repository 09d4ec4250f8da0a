// The history as a JSON file: versioned, with pictures and typed arrays written as base64, and checked field by
// field on the way in so that a corrupt or foreign file is refused with a message saying what is wrong
// (nothing is written unless every run in it is valid).
import { PlaygroundError } from '../protocol/errors';
import { textOf, type HistoryRecord } from './record';

export const HISTORY_FORMAT = 'model-playground-history';
export const HISTORY_FILE_VERSION = 1;
export const MAX_IMPORT_BYTES = 200_000_000;

export class HistoryFileError extends PlaygroundError {
  override name = 'HistoryFileError';
}

const TYPED = { Float32Array, Float64Array, Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array } as const;
type TypedName = keyof typeof TYPED;

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A value as plain JSON: Blobs and typed arrays become tagged base64 objects. */
async function encode(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return { $blob: { type: value.type, base64: toBase64(new Uint8Array(await value.arrayBuffer())) } };
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { $typed: { type: value.constructor.name, base64: toBase64(bytes) } };
  }
  if (Array.isArray(value)) return Promise.all(value.map(encode));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await encode(v)] as const)));
  }
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value !== 'object' || value === null) return value;
  const tagged = value as { $blob?: { type?: unknown; base64?: unknown }; $typed?: { type?: unknown; base64?: unknown } };
  if (tagged.$blob && typeof tagged.$blob.base64 === 'string') {
    return new Blob([fromBase64(tagged.$blob.base64) as Uint8Array<ArrayBuffer>], { type: String(tagged.$blob.type ?? '') });
  }
  if (tagged.$typed && typeof tagged.$typed.base64 === 'string' && String(tagged.$typed.type) in TYPED) {
    const bytes = fromBase64(tagged.$typed.base64);
    const Typed = TYPED[tagged.$typed.type as TypedName];
    return new Typed(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / Typed.BYTES_PER_ELEMENT);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
}

export async function exportHistory(runs: HistoryRecord[]): Promise<string> {
  return JSON.stringify({ format: HISTORY_FORMAT, version: HISTORY_FILE_VERSION, exported: new Date().toISOString(), runs: await encode(runs) });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first thing wrong with a run from a file, or undefined. */
function runProblem(run: unknown): string | undefined {
  if (!isObject(run)) return 'is not an object';
  for (const key of ['id', 'task', 'model', 'host', 'revision', 'dtypeChoice', 'deviceChoice'] as const) {
    if (typeof run[key] !== 'string' || (key === 'id' && !run[key])) return `has no text "${key}"`;
  }
  if (typeof run.time !== 'number' || !Number.isFinite(run.time)) return 'has no valid "time"';
  if (run.status !== 'done' && run.status !== 'error') return 'has a "status" other than done or error';
  if (!isObject(run.params)) return 'has no "params" object';
  if (run.stats !== undefined && (!isObject(run.stats) || typeof run.stats.latencyMs !== 'number')) return 'has "stats" without a latency';
  if (run.status === 'done' && run.stats === undefined) return 'is done but has no "stats"';
  if (run.error !== undefined && (!isObject(run.error) || typeof run.error.name !== 'string' || typeof run.error.message !== 'string')) return 'has an "error" without a name and message';
  return undefined;
}

/** Reads a history file; throws HistoryFileError saying what is wrong with a corrupt, foreign or newer one. */
export function parseHistory(text: string): HistoryRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new HistoryFileError(`This file is not JSON (${(error as Error).message}).`, 'Pick a file exported from this history.');
  }
  if (!isObject(data) || data.format !== HISTORY_FORMAT) {
    throw new HistoryFileError('This is not a Model Playground history file.', 'Pick a file made with Export in this panel.');
  }
  if (typeof data.version !== 'number' || data.version > HISTORY_FILE_VERSION || data.version < 1) {
    throw new HistoryFileError(`This history file is version ${String(data.version)}; this app reads version ${HISTORY_FILE_VERSION}.`, 'Open it with the version of the app that made it.');
  }
  if (!Array.isArray(data.runs)) throw new HistoryFileError('This history file has no list of runs.');
  const runs = data.runs.map((run, index) => {
    const problem = runProblem(run);
    if (problem) throw new HistoryFileError(`Run ${index + 1} of the file ${problem}: the file is damaged.`, 'Nothing was imported.');
    const record = decode(run) as HistoryRecord;
    return { ...record, inputText: textOf(record.input) };
  });
  return runs;
}
