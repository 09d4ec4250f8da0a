import { describe, expect, it } from 'vitest';
import { perFrame } from './per-frame';

describe('perFrame', () => {
  it('applies only the latest value, once per frame', () => {
    const frames: (() => void)[] = [];
    const seen: number[] = [];
    const push = perFrame<number>((v) => seen.push(v), (cb) => frames.push(cb));
    push(1);
    push(2);
    push(3);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(seen).toEqual([3]);
    push(4);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(seen).toEqual([3, 4]);
  });
});
