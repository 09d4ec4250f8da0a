import { describe, expect, it } from 'vitest';
import { dbBoxes, detectionSize, readingOrder } from './db-boxes';
import { ctcDecode, parseDictionary } from './ctc';

function map(width: number, height: number, regions: { x0: number; y0: number; x1: number; y1: number; p: number }[]) {
  const prob = new Float32Array(width * height).fill(0.01);
  for (const r of regions) for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) prob[y * width + x] = r.p;
  return prob;
}

describe('DB post-processing', () => {
  it('finds each text region, scores it and grows it by area × ratio / perimeter', () => {
    const prob = map(100, 60, [
      { x0: 10, y0: 10, x1: 50, y1: 20, p: 0.9 },
      { x0: 10, y0: 40, x1: 30, y1: 46, p: 0.8 },
    ]);
    const boxes = dbBoxes(prob, 100, 60, { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5 });
    expect(boxes).toHaveLength(2);
    const grow = (40 * 10 * 1.5) / (2 * 50);
    expect(boxes[0].x0).toBeCloseTo(10 - grow);
    expect(boxes[0].x1).toBeCloseTo(50 + grow);
    expect(boxes[0].y0).toBeCloseTo(10 - grow);
    expect(boxes[0].score).toBeCloseTo(0.9);
    expect(boxes[1].score).toBeCloseTo(0.8);
  });

  it('drops regions below the box threshold and specks smaller than the minimum size', () => {
    const prob = map(80, 40, [
      { x0: 5, y0: 5, x1: 40, y1: 15, p: 0.45 },
      { x0: 60, y0: 30, x1: 62, y1: 32, p: 0.99 },
    ]);
    expect(dbBoxes(prob, 80, 40, { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5 })).toEqual([]);
  });

  it('clamps grown boxes to the map', () => {
    const prob = map(40, 20, [{ x0: 0, y0: 0, x1: 40, y1: 10, p: 0.95 }]);
    const [box] = dbBoxes(prob, 40, 20, { threshold: 0.3, boxThreshold: 0.5, unclipRatio: 2 });
    expect(box).toMatchObject({ x0: 0, y0: 0, x1: 40 });
  });

  it('orders boxes top to bottom, then left to right on a line', () => {
    const boxes = [
      { x0: 60, y0: 11, x1: 90, y1: 30, id: 'b' },
      { x0: 0, y0: 50, x1: 40, y1: 70, id: 'c' },
      { x0: 0, y0: 10, x1: 40, y1: 30, id: 'a' },
    ];
    expect(readingOrder(boxes).map((b) => b.id)).toEqual(['a', 'b', 'c']);
  });

  it('sizes the detection input to multiples of 32 with the longest side capped', () => {
    expect(detectionSize(640, 480)).toEqual({ width: 640, height: 480 });
    expect(detectionSize(1920, 1080)).toEqual({ width: 960, height: 544 });
    expect(detectionSize(10, 10)).toEqual({ width: 32, height: 32 });
  });
});

describe('CTC decoding', () => {
  const charset = parseDictionary('H\nE\nL\nO\n');
  it('reads the dictionary with a blank first and a space last', () => {
    expect(charset).toEqual(['', 'H', 'E', 'L', 'O', ' ']);
  });

  it('merges repeats, keeps doubled letters split by a blank and averages kept probabilities', () => {
    const seq = [1, 1, 2, 0, 3, 3, 0, 3, 4, 5, 0];
    const classes = charset.length;
    const probs = new Float32Array(seq.length * classes);
    seq.forEach((c, t) => {
      probs[t * classes + c] = 0.9;
    });
    probs[0 * classes + 1] = 0.7;
    const out = ctcDecode(probs, seq.length, classes, charset);
    expect(out.text).toBe('HELLO');
    expect(out.confidence).toBeCloseTo((0.7 + 0.9 * 4 + 0.9) / 6);
  });
});
