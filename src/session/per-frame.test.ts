import { describe, expect, it } from 'vitest';
import { partialGapMs, perFrame, SHARED_CORES_PARTIAL_GAP_MS } from './per-frame';

describe('perFrame', () => {
  it('applies only the latest value, once per frame', () => {
    const frames: (() => void)[] = [];
    const seen: number[] = [];
    const push = perFrame<number>((v) => seen.push(v), { raf: (cb) => frames.push(cb) });
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

  it('with a least gap: values close together wait for it, the first after a pause goes at the next frame', () => {
    let clock = 0;
    const frames: (() => void)[] = [];
    const timers: { at: number; cb: () => void }[] = [];
    const seen: number[] = [];
    const push = perFrame<number>((v) => seen.push(v), {
      minGapMs: 100,
      now: () => clock,
      raf: (cb) => frames.push(cb),
      wait: (cb, ms) => timers.push({ at: clock + ms, cb }),
    });
    push(1);
    expect(timers).toHaveLength(0);
    frames.shift()!();
    expect(seen).toEqual([1]);
    clock = 16;
    push(2);
    push(3);
    // Drawn 100 ms after the last one, not before: one timer, then a frame.
    expect(frames).toHaveLength(0);
    expect(timers).toEqual([{ at: 100, cb: expect.any(Function) }]);
    clock = 100;
    timers.shift()!.cb();
    push(4);
    frames.shift()!();
    expect(seen).toEqual([1, 4]);
    // A pause longer than the gap: the next value waits for no timer.
    clock = 400;
    push(5);
    expect(timers).toHaveLength(0);
    frames.shift()!();
    expect(seen).toEqual([1, 4, 5]);
  });
});

describe('partialGapMs', () => {
  it('draws every frame where a core is left for the page, less often where the WASM threads take them all', () => {
    expect(partialGapMs({ device: 'wasm', threads: 2 }, 2)).toBe(SHARED_CORES_PARTIAL_GAP_MS);
    expect(partialGapMs({ device: 'wasm', threads: 1 }, 1)).toBe(SHARED_CORES_PARTIAL_GAP_MS);
    expect(partialGapMs({ device: 'wasm', threads: 1 }, 2)).toBe(0);
    expect(partialGapMs({ device: 'wasm', threads: 4 }, 8)).toBe(0);
    // On WebGPU the model's work is on the GPU.
    expect(partialGapMs({ device: 'webgpu', threads: 2 }, 2)).toBe(0);
    expect(partialGapMs(undefined, 2)).toBe(0);
  });
});
