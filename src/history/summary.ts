// One line about a run's output for the history list and the side-by-side view. Outputs differ by task; the
// common shapes (labels with scores, generated text, answers) are named, anything else is shown as short JSON.
import type { HistoryRecord } from './record';

const clip = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function firstText(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return value;
  if (depth > 3 || typeof value !== 'object' || value === null) return undefined;
  const named = value as Record<string, unknown>;
  for (const key of ['generated_text', 'translation_text', 'summary_text', 'answer', 'text', 'content']) {
    const found = firstText(named[key], depth + 1);
    if (found) return found;
  }
  return Array.isArray(value) ? firstText(value.at(-1), depth + 1) : undefined;
}

function labelsOf(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : (value as { labels?: unknown } | null)?.labels;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const top = list[0] as { label?: unknown; score?: unknown };
  if (typeof top?.label !== 'string') return undefined;
  return typeof top.score === 'number' ? `${top.label} ${(top.score * 100).toFixed(1)}%` : top.label;
}

export function outputSummary(record: HistoryRecord): string {
  if (record.status === 'error') return `${record.error?.name ?? 'Error'}: ${record.error?.message ?? ''}`;
  const out = record.output;
  const labels = labelsOf(out) ?? labelsOf((out as { scores?: unknown } | null)?.scores);
  if (labels) return labels;
  const text = firstText(out);
  if (text) return clip(text);
  try {
    return clip(JSON.stringify(out, (_k, v: unknown) => (ArrayBuffer.isView(v) ? `[${v.constructor.name}]` : v)) ?? '');
  } catch {
    return '(output)';
  }
}

/** The output as readable text for the side-by-side view (long arrays and typed arrays cut short). */
export function outputDetail(record: HistoryRecord): string {
  if (record.status === 'error') return outputSummary(record);
  const replacer = (_key: string, value: unknown) => {
    if (ArrayBuffer.isView(value)) return `[${value.constructor.name} × ${(value as unknown as ArrayLike<number>).length}]`;
    if (value instanceof Blob) return `[picture, ${value.size} bytes]`;
    if (Array.isArray(value) && value.length > 20) return [...value.slice(0, 20), `… ${value.length - 20} more`];
    return value;
  };
  try {
    return clip(JSON.stringify(record.output, replacer, 2) ?? '', 4000);
  } catch {
    return '(output)';
  }
}
