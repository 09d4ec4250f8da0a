import { describe, expect, it } from 'vitest';
import { compareKey, differsFromFirst, divergence } from './compare-key';
import { bestIndex, FIGURES } from './figures';
import { emptyResult, median } from './types';

describe('compare keys', () => {
  it('takes the top label, the boxes, the text, and JSON for anything else', () => {
    expect(compareKey('text-classification', [{ label: 'NEG', score: 0.2 }, { label: 'POS', score: 0.8 }])).toEqual({ kind: 'label', value: 'POS' });
    expect(compareKey('text-generation', { prompt: 'p', completion: 'Once upon', stopped: false })).toEqual({ kind: 'text', value: 'Once upon' });
    expect(compareKey('translation', { source: 's', text: 'Bonjour', stopped: false })).toEqual({ kind: 'text', value: 'Bonjour' });
    const box = (x: number) => ({ label: 'cat', score: 0.9, box: { xmin: x, ymin: 0, xmax: 10, ymax: 10 } });
    const a = compareKey('object-detection', { width: 1, height: 1, detections: [box(1.2)] });
    const b = compareKey('object-detection', { width: 1, height: 1, detections: [box(1.4)] });
    const c = compareKey('object-detection', { width: 1, height: 1, detections: [box(4)] });
    expect(differsFromFirst([a, b, c])).toEqual([false, false, true]);
    expect(compareKey('feature-extraction', { dims: 3 })).toEqual({ kind: 'json', value: '{"dims":3}' });
    expect(compareKey('zero-shot-object-detection', { width: 1, height: 1, detections: [box(4)], queries: ['cat'] })).toEqual(c);
    const hits = (names: string[]) => ({ hits: names.map((name, index) => ({ index, name, score: 1 - index / 10 })), total: names.length });
    expect(compareKey('image-similarity', hits(['cat.png', 'cup.png']))).toEqual({ kind: 'label', value: 'cat.png > cup.png' });
    expect(differsFromFirst([compareKey('image-similarity', hits(['a', 'b'])), compareKey('image-similarity', hits(['b', 'a']))])).toEqual([false, true]);
  });

  it('a hostile output cannot steer the key through inherited properties', () => {
    const hostile = JSON.parse('{"__proto__": {"completion": "injected"}}');
    expect(compareKey('text-generation', hostile)?.kind).toBe('json');
  });

  it('finds the first differing token', () => {
    expect(divergence('Once upon a time there', 'Once upon a time there')).toBeUndefined();
    expect(divergence('Once upon a time', 'Once upon the hill')).toBe('Once upon '.length);
    expect(divergence('Tom ran', 'Lily ran')).toBe(0);
    expect(divergence('Tom ran home', 'Tom ran')).toBe('Tom ran'.length);
  });

  it('marks the best figure only when there is something to choose between', () => {
    const done = (latencyMs: number, tokensPerSecond?: number) => ({ ...emptyResult('done'), stats: { latencies: [latencyMs], latencyMs, tokensPerSecond } });
    const latency = FIGURES.find((f) => f.key === 'latency')!;
    const tps = FIGURES.find((f) => f.key === 'tps')!;
    expect(bestIndex(latency, [done(30), done(12), done(50)])).toBe(1);
    expect(bestIndex(latency, [done(30), done(30)])).toBeUndefined();
    expect(bestIndex(latency, [done(30), emptyResult('error')])).toBeUndefined();
    expect(bestIndex(tps, [done(1, 80), done(1, 120)])).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
