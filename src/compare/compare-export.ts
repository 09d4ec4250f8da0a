// Compare exports: JSON of every column's settings, output and figures, and a PNG of the comparison table
// drawn on a canvas here (a dozen text cells need no screenshot library).
import { toPlainJson } from '../ui/shell/ResultExport/export-json';
import { bestIndex, visibleRows } from './figures';
import type { CompareColumn, ColumnResult } from './types';

export interface CompareSnapshot {
  task: string;
  input: unknown;
  names: string[];
  columns: CompareColumn[];
  results: ColumnResult[];
  differs: boolean[];
}

export function compareDocument(s: CompareSnapshot, at = new Date()): string {
  const doc = {
    app: 'model-playground',
    kind: 'compare',
    exportedAt: at.toISOString(),
    task: s.task,
    input: toPlainJson(s.input),
    columns: s.columns.map((column, i) => {
      const r = s.results[i];
      return {
        name: s.names[i],
        settings: toPlainJson(column),
        status: r?.status ?? 'waiting',
        ranOn: r?.loaded ? toPlainJson(r.loaded) : undefined,
        output: toPlainJson(r?.output),
        error: r?.error,
        differsFromA: s.differs[i],
        stats: toPlainJson(r?.stats),
      };
    }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The table's cells as text: a header row, then one row per figure; `best` marks the best cell of a row. */
export function tableCells(s: CompareSnapshot): { rows: string[][]; best: (number | undefined)[] } {
  const header = ['', ...s.columns.map((c, i) => `${s.names[i]}: ${c.model}${s.differs[i] ? ' (differs)' : ''}`)];
  const settings = ['Settings', ...s.columns.map((c) => [c.dtype, c.device, c.threads ? `${c.threads} threads` : ''].filter(Boolean).join(' · '))];
  const status = ['Status', ...s.columns.map((_, i) => (s.results[i]?.error ? `failed: ${s.results[i].error!.message}` : (s.results[i]?.status ?? 'waiting')))];
  const rows = [header, settings, status];
  const best: (number | undefined)[] = [undefined, undefined, undefined];
  for (const row of visibleRows(s.results)) {
    const b = bestIndex(row, s.results);
    rows.push([row.label, ...s.columns.map((_, i) => {
      const v = s.results[i] ? row.value(s.results[i]) : undefined;
      return v === undefined ? '—' : `${row.format(v)}${b === i ? ' ★' : ''}`;
    })]);
    best.push(b);
  }
  return { rows, best };
}

const clip = (text: string, max = 48) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Draws the table (light background, best cells in bold green) and returns it as a PNG blob. */
export async function tablePng(s: CompareSnapshot): Promise<Blob> {
  const { rows, best } = tableCells(s);
  const cellW = [170, ...s.columns.map(() => 300)];
  const rowH = 30;
  const canvas = document.createElement('canvas');
  const scale = 2;
  canvas.width = cellW.reduce((a, b) => a + b, 0) * scale;
  canvas.height = (rows.length * rowH + 12) * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'middle';
  rows.forEach((row, r) => {
    let x = 0;
    row.forEach((text, c) => {
      const y = 6 + r * rowH;
      const isBest = c > 0 && best[r] === c - 1;
      if (r === 0 || c === 0 || isBest) {
        ctx.fillStyle = isBest ? '#dcfce7' : '#f1f5f9';
        ctx.fillRect(x, y, cellW[c], rowH);
      }
      ctx.strokeStyle = '#cbd5e1';
      ctx.strokeRect(x + 0.5, y + 0.5, cellW[c], rowH);
      ctx.fillStyle = isBest ? '#166534' : '#0f172a';
      ctx.font = `${r === 0 || c === 0 || isBest ? 'bold ' : ''}13px system-ui, sans-serif`;
      ctx.fillText(clip(text), x + 8, y + rowH / 2);
      x += cellW[c];
    });
  });
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))), 'image/png'));
}

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
