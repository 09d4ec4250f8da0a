import { describe, expect, it } from 'vitest';
import { validateShare, MAX_REFERENCE_CHARS } from './validate';

const current = () => ({ model: 'm/m', host: 'http://127.0.0.1:8089/', revision: 'main', device: 'wasm' as const, dtype: 'q8' as const });
const check = (x: unknown) => validateShare({ t: 'image-classification', m: 'onnxmodelzoo/mobilenetv2-12-int8', x }, () => undefined, current);

describe('a share link’s reference output', () => {
  it('is carried with its file name', () => {
    const { state, dropped } = check({ s: 'python.json', o: [{ label: 'Egyptian Mau', score: 0.67 }] });
    expect(dropped).toEqual([]);
    expect(state?.reference).toEqual({ source: 'python.json', output: [{ label: 'Egyptian Mau', score: 0.67 }] });
  });

  it('is dropped with a note when it is not an output or too large; a hostile name is left out', () => {
    for (const bad of ['text', 3, { o: 'x' }, { o: [{ label: 'x'.repeat(MAX_REFERENCE_CHARS) }] }, []]) {
      const { state, dropped } = check(bad);
      expect(state?.reference).toBeUndefined();
      expect(dropped).toEqual(['reference: not a reference output, or too large for a link']);
    }
    const { state } = check(JSON.parse('{"__proto__": {"polluted": 1}, "s": 7, "o": {"min": 0}}'));
    expect(state?.reference).toEqual({ output: { min: 0 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
