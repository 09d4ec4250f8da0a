import { setOwn } from '../../../protocol/own';

/**
 * Turns a run into plain JSON for "Copy JSON" / "Download JSON": typed arrays become arrays, binary
 * inputs (a picked image) are described by name, type and size rather than inlined, object URLs are
 * dropped, and cycles or functions never reach the output.
 */
export function toPlainJson(value: unknown, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object') return undefined;
  if (ArrayBuffer.isView(value)) {
    return value instanceof DataView ? undefined : Array.from(value as unknown as ArrayLike<number | bigint>, (v) => toPlainJson(v));
  }
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    const name = (value as Blob & { name?: string }).name;
    return { binary: true, ...(name ? { name } : {}), type: value.type || undefined, bytes: value.size };
  }
  if (seen.has(value)) return undefined;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => toPlainJson(item, seen) ?? null);
    if (value instanceof Map) return toPlainJson(Object.fromEntries(value), seen);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // Object URLs only mean something inside this tab.
      if (typeof item === 'string' && item.startsWith('blob:')) continue;
      const plain = toPlainJson(item, seen);
      if (plain !== undefined) setOwn(out, key, plain);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

export interface RunRecord {
  task: string;
  model?: string;
  dtype?: string;
  device?: string;
  input: unknown;
  output: unknown;
  stats?: unknown;
  /** A reference check made on this result (Check against a reference…), exported with it. */
  referenceCheck?: unknown;
  at?: Date;
}

/** The exported document: what ran, on what, with which input and settings, and what came out. */
export function exportDocument(record: RunRecord, params: Record<string, unknown>): string {
  const doc = {
    app: 'model-playground',
    exportedAt: (record.at ?? new Date()).toISOString(),
    task: record.task,
    model: record.model,
    dtype: record.dtype,
    device: record.device,
    params,
    input: toPlainJson(record.input),
    output: toPlainJson(record.output),
    stats: toPlainJson(record.stats),
    ...(record.referenceCheck ? { referenceCheck: toPlainJson(record.referenceCheck) } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A download name like `object-detection_Xenova-yolos-tiny_2026-11-26T01-02-03.json`. */
export function exportFileName(task: string, model: string | undefined, at = new Date()): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  return [safe(task), model ? safe(model) : undefined, stamp].filter(Boolean).join('_') + '.json';
}
