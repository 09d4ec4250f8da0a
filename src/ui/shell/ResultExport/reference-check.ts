/**
 * Compares a result with a reference output (JSON from the model's reference implementation, e.g. Python
 * transformers): the largest difference per field, and whether each is within its tolerance (issue 15's
 * targets: scores within 0.005, boxes within 1 px). Fields are named by path with list positions folded
 * (`[].score`), so a top-5 list gives one row per field, not five. Keys come from the reference file and are
 * kept in Maps, never as plain-object keys.
 */

export class ReferenceFormatError extends Error {
  override name = 'ReferenceFormatError';
}

export interface FieldDiff {
  field: string;
  /** Largest absolute difference of the numbers under this field (null: a label or flag, compared for equality). */
  largest: number | null;
  tolerance: number;
  /** Why the field fails other than by size: a differing label, a missing field, a different count. */
  mismatch?: string;
  pass: boolean;
}

export interface ReferenceCheck {
  pass: boolean;
  fields: FieldDiff[];
  /** The reference file's name. */
  source?: string;
}

const BOX_KEYS = new Set(['xmin', 'ymin', 'xmax', 'ymax']);
export const SCORE_TOLERANCE = 0.005;
export const BOX_TOLERANCE = 1;

function toleranceFor(path: string[]): number {
  const last = path[path.length - 1];
  return path.includes('box') && BOX_KEYS.has(last) ? BOX_TOLERANCE : SCORE_TOLERANCE;
}

interface Acc {
  largest: number | null;
  tolerance: number;
  mismatch?: string;
}

function note(rows: Map<string, Acc>, path: string[], update: (acc: Acc) => void) {
  const key = path.join('.') || '(value)';
  const acc = rows.get(key) ?? { largest: null, tolerance: toleranceFor(path) };
  update(acc);
  rows.set(key, acc);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(actual: unknown, expected: unknown, path: string[], rows: Map<string, Acc>): void {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return note(rows, path, (a) => (a.mismatch ??= 'missing here'));
    return note(rows, path, (a) => (a.largest = Math.max(a.largest ?? 0, Math.abs(actual - expected))));
  }
  if (typeof expected === 'string' || typeof expected === 'boolean' || expected === null) {
    // Equal labels get a row too ("same"), so the table lists every field the reference has.
    note(rows, path, (a) => {
      if (actual !== expected) a.mismatch ??= `${JSON.stringify(actual) ?? 'nothing'} here, ${JSON.stringify(expected)} in the reference`;
    });
    return;
  }
  if (Array.isArray(expected)) {
    const list = Array.isArray(actual) ? actual : [];
    if (list.length !== expected.length) note(rows, [...path, '(count)'], (a) => (a.mismatch ??= `${list.length} here, ${expected.length} in the reference`));
    const n = Math.min(list.length, expected.length);
    for (let i = 0; i < n; i++) walk(list[i], expected[i], [...path, '[]'], rows);
    return;
  }
  if (isRecord(expected)) {
    const here = isRecord(actual) ? new Map(Object.entries(actual)) : new Map<string, unknown>();
    for (const [key, value] of Object.entries(expected)) walk(here.get(key), value, [...path, key], rows);
  }
}

/** Python's pipelines return the list itself where the app wraps it ({ detections }, { scores }, { segments }). */
function alignShape(output: unknown, reference: unknown): unknown {
  if (!Array.isArray(reference) || !isRecord(output)) return output;
  return Object.values(output).find(Array.isArray) ?? output;
}

export function compareWithReference(output: unknown, reference: unknown, source?: string): ReferenceCheck {
  const rows = new Map<string, Acc>();
  walk(alignShape(output, reference), reference, [], rows);
  const fields = [...rows].map(([field, acc]): FieldDiff => ({
    field,
    ...acc,
    pass: !acc.mismatch && (acc.largest === null || acc.largest <= acc.tolerance),
  }));
  if (fields.length === 0) throw new ReferenceFormatError('The reference has no numbers or labels to compare.');
  return { pass: fields.every((f) => f.pass), fields, ...(source ? { source } : {}) };
}

/** A reference file: the app's own export ({ output: … }) or a bare output, as the README's Python one-liner writes. */
export function parseReference(text: string): unknown {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ReferenceFormatError('The reference file is not JSON.');
  }
  if (isRecord(doc) && 'output' in doc) return doc.output;
  if (Array.isArray(doc) || isRecord(doc)) return doc;
  throw new ReferenceFormatError('The reference must be a JSON list or object (the model’s output, or { "output": … }).');
}
