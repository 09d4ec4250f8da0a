import { describe, expect, it } from 'vitest';
import type { ModelPlan } from '../protocol/messages';
import { costFromReport, costLabel } from './consent';

const plan = (downloadBytes: number): ModelPlan => ({ dtype: 'q8', available: ['q8'], device: 'wasm', architectures: [], files: [], totalBytes: 4_466_528, downloadBytes, memoryBytes: 0 });

describe('the cost a share link offers', () => {
  it('waits for the model check instead of saying "size unknown"', () => {
    expect(costFromReport(undefined, 'k')).toBeUndefined();
    expect(costFromReport({ key: 'k', status: 'checking' }, 'k')).toBeUndefined();
    expect(costFromReport({ key: 'other', status: 'ready', plan: plan(1) }, 'k')).toBeUndefined();
    expect(costLabel(undefined)).toBe('Run (checking the download size…)');
  });

  it('says the real size once the check is done, and asks only above 10 MB', () => {
    const cost = costFromReport({ key: 'k', status: 'ready', plan: plan(4_466_528) }, 'k');
    expect(cost).toEqual({ cached: false, sizeMB: 4.466528, ask: false });
    expect(costLabel(cost as Exclude<typeof cost, 'catalog' | undefined>)).toBe('Run (downloads ~4.5 MB)');
    expect(costFromReport({ key: 'k', status: 'ready', plan: plan(368e6) }, 'k')).toMatchObject({ ask: true });
    expect(costFromReport({ key: 'k', status: 'ready', plan: plan(0) }, 'k')).toMatchObject({ cached: true, ask: false });
  });

  it('falls back to the catalog when the check failed', () => {
    expect(costFromReport({ key: 'k', status: 'error' }, 'k')).toBe('catalog');
  });
});
