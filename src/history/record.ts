// One kept run: everything needed to show it again, open it in place or run it again. Plain structured-clone
// data (Blobs for pictures), so IndexedDB stores it as it is; history-file.ts turns it into JSON and back.
import type { LoadedInfo, LoadSpec, RunStats, WireError } from '../protocol/messages';

export interface HistoryRecord {
  id: string;
  /** When the run finished (ms since the epoch). */
  time: number;
  task: string;
  model: string;
  host: string;
  revision: string;
  /** What was asked for (auto, or a chosen precision / device). */
  dtypeChoice: string;
  deviceChoice: string;
  /** What it ran on, as the load reported it. */
  ran?: Pick<LoadedInfo, 'device' | 'dtype' | 'threads'>;
  params: Record<string, unknown>;
  /** The input as run; pictures as StoredImage. */
  input: unknown;
  /** The input's text, for search (pictures by name). */
  inputText: string;
  status: 'done' | 'error';
  output?: unknown;
  stats?: RunStats;
  error?: WireError;
}

/** A picked picture as kept: a thumbnail always, the original when it is under the size cap. */
export interface StoredImage {
  kind: 'stored-image';
  name: string;
  thumbnail?: Blob;
  original?: Blob;
  /** Set when the original was over the cap and not kept: its size in bytes. */
  tooBig?: number;
}

/** What the session hands the history when a run ends (before pictures are stored). */
export interface FinishedRun {
  spec: LoadSpec;
  ran?: LoadedInfo;
  params: Record<string, unknown>;
  input: unknown;
  output?: unknown;
  stats?: RunStats;
  error?: WireError;
}

/** Where finished runs go: IndexedDB in the app (sink.ts), a list in session tests. */
export interface HistorySink {
  save(run: FinishedRun): Promise<void>;
}

export const isStoredImage = (value: unknown): value is StoredImage =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'stored-image';

/** The searchable text of an input: its strings (a question and its context, a prompt, a chat), pictures by name. */
export function textOf(input: unknown, depth = 0): string {
  if (typeof input === 'string') return input;
  if (depth > 4 || typeof input !== 'object' || input === null || input instanceof Blob) return '';
  if (isStoredImage(input)) return input.name;
  const values = Array.isArray(input) ? input : Object.entries(input).filter(([key]) => key !== 'url' && key !== 'kind').map(([, v]) => v);
  return values.map((v) => textOf(v, depth + 1)).filter(Boolean).join(' · ').slice(0, 2000);
}

export function newRecordId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
