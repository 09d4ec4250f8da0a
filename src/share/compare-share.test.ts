import { describe, expect, it } from 'vitest';
import { findTask } from '../tasks/registry';
import { compareToLink } from './compare-share';
import { validateShare } from './validate';

const current = () => ({ model: 'mine/model', host: 'http://127.0.0.1:8089/', revision: 'main', device: 'auto' as const, dtype: 'auto' as const });
const check = (payload: Record<string, unknown>) => validateShare(payload, () => 'text', current);

describe('compare sets in share links', () => {
  it('round-trips columns (model, precision, device, threads, params) and runs through the link form', () => {
    const meta = findTask('text-generation')!.meta;
    const base = check({ t: 'text-generation' }).state!.params;
    const columns = [
      { model: 'karpathy/tinyllamas-stories260K', dtype: 'auto' as const, device: 'auto' as const, params: { ...base, do_sample: false } },
      { model: 'karpathy/tinyllamas-stories260K', dtype: 'q8' as const, device: 'wasm' as const, threads: 1, params: { ...base, do_sample: true } },
    ];
    const link = compareToLink(meta, { columns, runs: 3 });
    const { state, dropped } = check({ t: 'text-generation', ...link });
    expect(dropped).toEqual([]);
    expect(state?.compare).toEqual({ columns, runs: 3 });
  });

  it('lists what is wrong in a column and keeps the rest; too few usable columns opens no Compare', () => {
    const { state, dropped } = check({ t: 'text-classification', c: [{ m: 'a/b', q: 'q9', d: 'tpu', n: 3, x: 1 }, { m: '../../etc' }], k: 0 });
    expect(state?.compare?.columns).toHaveLength(2);
    expect(state?.compare?.columns[0]).toMatchObject({ model: 'a/b', dtype: 'auto', device: 'auto' });
    expect(state?.compare?.columns[0].threads).toBeUndefined();
    expect(state?.compare?.runs).toBe(1);
    expect(dropped.join('\n')).toMatch(/precision/);
    expect(dropped.join('\n')).toMatch(/device/);
    expect(dropped.join('\n')).toMatch(/threads/);
    expect(dropped.join('\n')).toMatch(/“x” is not a column setting/);
    expect(dropped.join('\n')).toMatch(/column B: model is not a valid model id/);
    expect(dropped.join('\n')).toMatch(/runs per column/);
    const one = check({ t: 'text-classification', c: [{ m: 'a/b' }, 'nope'] });
    expect(one.state?.compare).toBeUndefined();
    expect(one.dropped.join('\n')).toMatch(/fewer than two/);
  });

  it('keeps at most four columns and never lets a hostile key reach a prototype', () => {
    const columns = Array.from({ length: 6 }, () => JSON.parse('{"m":"a/b","__proto__":{"polluted":1}}'));
    const { state, dropped } = check({ t: 'text-classification', c: columns });
    expect(state?.compare?.columns).toHaveLength(4);
    expect(dropped.join('\n')).toMatch(/only the first 4/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
