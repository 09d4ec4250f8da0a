// What makes two outputs "the same" for a reader: the top label, the boxes, the text — per task, with JSON
// of the whole output as the fallback for tasks with no better key.
import { own } from '../protocol/own';

export type CompareKey =
  | { kind: 'label'; value: string }
  | { kind: 'boxes'; value: string }
  | { kind: 'text'; value: string }
  | { kind: 'json'; value: string };

type Scored = { label: unknown; score: unknown };
const isScoredList = (v: unknown): v is Scored[] => Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object' && 'label' in x && 'score' in x);

function topLabel(list: Scored[]): string {
  let best = list[0];
  for (const item of list) if (Number(item.score) > Number(best.score)) best = item;
  return String(best.label);
}

/** Per-task keys; anything not named here falls back to the output's shape, then to JSON. */
const BY_TASK: Record<string, (output: Record<string, unknown>) => CompareKey | undefined> = {
  chat: (o) => text(o.reply),
  'text-generation': (o) => text(o.completion),
  'zero-shot-classification': (o) => (isScoredList(o.scores) ? { kind: 'label', value: topLabel(o.scores) } : undefined),
  'question-answering': (o) => text(o.answer),
  'image-to-text': (o) => text(o.text),
  'object-detection': (o) => boxes(o.detections),
  'zero-shot-object-detection': (o) => boxes(o.detections),
  // Image similarity: the ranking (picture names, best first) is what a reader compares, not the cosines.
  'image-similarity': (o) => ranking(o.hits),
};

function ranking(value: unknown): CompareKey | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return { kind: 'label', value: value.map((hit: { name?: unknown }) => String(hit?.name)).join(' > ') };
}

function text(value: unknown): CompareKey | undefined {
  return typeof value === 'string' ? { kind: 'text', value } : undefined;
}

/** Boxes compared to the pixel, in a stable order, with their labels. */
function boxes(value: unknown): CompareKey | undefined {
  if (!Array.isArray(value)) return undefined;
  const rows = value.map((d: { label?: unknown; box?: Record<string, unknown> }) => {
    const b = d.box ?? {};
    return `${String(d.label)}@${['xmin', 'ymin', 'xmax', 'ymax'].map((k) => Math.round(Number(b[k]))).join(',')}`;
  });
  return { kind: 'boxes', value: rows.sort().join(' ') };
}

function json(output: unknown): CompareKey {
  let value: string;
  try {
    value = JSON.stringify(output) ?? String(output);
  } catch {
    value = String(output);
  }
  return { kind: 'json', value };
}

export function compareKey(task: string, output: unknown): CompareKey | undefined {
  if (output === undefined) return undefined;
  if (isScoredList(output)) return { kind: 'label', value: topLabel(output) };
  if (typeof output === 'string') return { kind: 'text', value: output };
  if (output && typeof output === 'object' && !Array.isArray(output)) {
    // Own reads only: a hostile output's `__proto__` must not reach Object.prototype.
    const record = output as Record<string, unknown>;
    const o = new Proxy(record, { get: (target, key) => (typeof key === 'string' ? own(target, key) : undefined) });
    const byTask = Object.hasOwn(BY_TASK, task) ? BY_TASK[task](o) : undefined;
    if (byTask) return byTask;
    // Seq2seq tasks (translation, summarization, text2text) and other text outputs.
    const textual = text(o.text) ?? text(o.generated_text) ?? text(o.translation_text) ?? text(o.summary_text);
    if (textual) return textual;
  }
  return json(output);
}

/** Words and the spaces between them, so a text can be cut at the first differing token. */
export function tokens(value: string): string[] {
  return value.match(/\s+|[^\s]+/g) ?? [];
}

/** The index (in characters) where `value` stops agreeing with `reference`, token by token; undefined if equal. */
export function divergence(reference: string, value: string): number | undefined {
  if (reference === value) return undefined;
  const a = tokens(reference);
  const b = tokens(value);
  let at = 0;
  for (let i = 0; i < b.length; i++) {
    if (a[i] !== b[i]) return at;
    at += b[i].length;
  }
  return at;
}

/** Per column: whether its key differs from the first column's (the reference). */
export function differsFromFirst(keys: (CompareKey | undefined)[]): boolean[] {
  const reference = keys[0];
  return keys.map((key, i) => i > 0 && key !== undefined && reference !== undefined && (key.kind !== reference.kind || key.value !== reference.value));
}
