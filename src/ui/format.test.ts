import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatMs, formatPercent } from './format';

describe('format', () => {
  it('formats bytes in SI units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_228_390)).toBe('1.2 MB');
    expect(formatBytes(44_342_436)).toBe('44.3 MB');
  });
  it('formats durations', () => {
    expect(formatMs(3.456)).toBe('3.5 ms');
    expect(formatMs(250)).toBe('250 ms');
    expect(formatMs(1822)).toBe('1.82 s');
    expect(formatMs(undefined)).toBe('—');
  });
  it('formats scores as percentages', () => {
    expect(formatPercent(0.9992)).toBe('100%');
    expect(formatPercent(0.7154)).toBe('71.5%');
  });
  it('groups counts as toLocaleString("en") does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 1_638_400, 1_000_000_000, -4321]) expect(formatCount(n)).toBe(n.toLocaleString('en'));
  });
});
