import { describe, expect, it } from 'vitest';
import { compareWithReference, parseReference, ReferenceFormatError } from './reference-check';

const top = [{ label: 'Egyptian Mau', score: 0.6700 }, { label: 'tiger cat', score: 0.1861 }];

describe('reference check', () => {
  it('gives the largest difference per field, folding list positions', () => {
    const check = compareWithReference([{ label: 'Egyptian Mau', score: 0.6712 }, { label: 'tiger cat', score: 0.1850 }], top);
    expect(check.pass).toBe(true);
    const score = check.fields.find((f) => f.field === '[].score')!;
    expect(score.largest).toBeCloseTo(0.0012, 6);
    expect(score.tolerance).toBe(0.005);
    expect(check.fields.find((f) => f.field === '[].label')).toMatchObject({ largest: null, pass: true });
  });

  it('fails on a score outside 0.005, a different label, or a different count', () => {
    expect(compareWithReference([{ label: 'Egyptian Mau', score: 0.61 }, top[1]], top).pass).toBe(false);
    const swapped = compareWithReference([top[1], top[0]], top);
    expect(swapped.fields.find((f) => f.field === '[].label')).toMatchObject({ pass: false, mismatch: '"tiger cat" here, "Egyptian Mau" in the reference' });
    expect(compareWithReference([top[0]], top).fields.find((f) => f.field === '(count)')).toMatchObject({ pass: false, mismatch: '1 here, 2 in the reference' });
  });

  it('boxes get 1 px, and a Python list is compared with the list the app wraps', () => {
    const python = [{ score: 0.899, label: 'cup', box: { xmin: 162, ymin: 15, xmax: 422, ymax: 293 } }];
    const app = { width: 600, height: 400, detections: [{ score: 0.8995, label: 'cup', box: { xmin: 163, ymin: 15, xmax: 422, ymax: 293 } }] };
    const check = compareWithReference(app, python);
    expect(check.pass).toBe(true);
    expect(check.fields.find((f) => f.field === '[].box.xmin')).toMatchObject({ largest: 1, tolerance: 1 });
    app.detections[0].box.xmin = 164;
    expect(compareWithReference(app, python).pass).toBe(false);
  });

  it('reads the app’s own export or a bare output, keeps hostile keys out of prototypes, refuses other files', () => {
    expect(parseReference('{"output":[1]}')).toEqual([1]);
    expect(parseReference('[{"label":"x","score":1}]')).toEqual([{ label: 'x', score: 1 }]);
    expect(() => parseReference('not json')).toThrow(ReferenceFormatError);
    expect(() => parseReference('3')).toThrow(ReferenceFormatError);
    expect(() => compareWithReference([], [])).toThrow(/nothing|no numbers/);
    const hostile = compareWithReference({ __proto__: 1 }, JSON.parse('{"__proto__": 2, "constructor": "x"}'));
    expect(hostile.pass).toBe(false);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});
