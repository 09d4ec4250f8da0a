import { describe, expect, it } from 'vitest';
import { exportDocument, exportFileName, toPlainJson } from './export-json';

describe('toPlainJson', () => {
  it('turns typed arrays into arrays and keeps plain values', () => {
    expect(toPlainJson({ a: new Float32Array([0.5, 1.5]), b: [1, 'x', true, null] })).toEqual({ a: [0.5, 1.5], b: [1, 'x', true, null] });
  });
  it('describes binary inputs instead of inlining them and drops object URLs', () => {
    const blob = Object.assign(new Blob(['12345'], { type: 'image/png' }), { name: 'cat.png' });
    expect(toPlainJson({ kind: 'file', name: 'cat.png', url: 'blob:http://x/1', blob })).toEqual({
      kind: 'file',
      name: 'cat.png',
      blob: { binary: true, name: 'cat.png', type: 'image/png', bytes: 5 },
    });
  });
  it('survives cycles, functions, non-finite numbers and bigints', () => {
    const node: Record<string, unknown> = { n: Number.NaN, big: 3n, f: () => 1 };
    node.self = node;
    expect(toPlainJson(node)).toEqual({ n: 'NaN', big: 3 });
    // A value seen twice, but not inside itself, is kept both times.
    const shared = { x: 1 };
    expect(toPlainJson([shared, shared])).toEqual([{ x: 1 }, { x: 1 }]);
  });
});

describe('exportDocument', () => {
  it('records what ran and parses back as JSON', () => {
    const at = new Date('2026-11-26T01:02:03Z');
    const text = exportDocument(
      { task: 'text-classification', model: 'Xenova/m', dtype: 'q8', device: 'wasm', input: 'great', output: [{ label: 'POSITIVE', score: 0.99 }], stats: { latencyMs: 3 }, at },
      { top_k: 2 },
    );
    expect(JSON.parse(text)).toEqual({
      app: 'model-playground',
      exportedAt: '2026-11-26T01:02:03.000Z',
      task: 'text-classification',
      model: 'Xenova/m',
      dtype: 'q8',
      device: 'wasm',
      params: { top_k: 2 },
      input: 'great',
      output: [{ label: 'POSITIVE', score: 0.99 }],
      stats: { latencyMs: 3 },
    });
  });
  it('names the file after task, model and time, with no path characters', () => {
    expect(exportFileName('object-detection', 'Xenova/yolos tiny', new Date('2026-11-26T01:02:03Z'))).toBe(
      'object-detection_Xenova-yolos-tiny_2026-11-26T01-02-03.json',
    );
  });
});
