import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressTracker } from './progress-tracker';
import type { ProgressUpdate } from './types';

afterEach(() => vi.useRealTimers());

const total = (loaded: number) => ({ status: 'progress_total', loaded, total: 1000, files: { 'onnx/model.onnx': { loaded, total: 1000 } } });

/** A tracker with a 100 ms gap on a clock the test sets (`at`), with fake timers. */
function timed() {
  vi.useFakeTimers();
  let now = 0;
  const updates: ProgressUpdate[] = [];
  const tracker = new ProgressTracker((u) => updates.push(u), { gapMs: 100, now: () => now });
  return { tracker, updates, at: (ms: number) => void (now = ms) };
}

describe('ProgressTracker', () => {
  it('sends download updates at most once per gap, the latest figures at its end, and compile at once', () => {
    const { tracker, updates, at } = timed();
    tracker.handle({ status: 'initiate', file: 'onnx/model.onnx' });
    tracker.handle(total(10));
    expect(updates.map((u) => u.loaded)).toEqual([10]);
    // A chunk every 5 ms for 95 ms: held back, then the latest sent when the gap has passed.
    for (let t = 5; t < 100; t += 5) {
      at(t);
      tracker.handle(total(10 + t));
    }
    expect(updates).toHaveLength(1);
    at(100);
    vi.advanceTimersByTime(100);
    expect(updates.map((u) => u.loaded)).toEqual([10, 105]);
    // The last chunk, then the file's end: compile goes at once and the held update is dropped.
    at(120);
    tracker.handle(total(1000));
    tracker.handle({ status: 'done', file: 'onnx/model.onnx' });
    expect(updates.map((u) => [u.phase, u.loaded])).toEqual([['download', 10], ['download', 105], ['compile', 1000]]);
    vi.advanceTimersByTime(1000);
    expect(updates).toHaveLength(3);
  });

  it('sends nothing after it is stopped (a load that ended with an update held back)', () => {
    const { tracker, updates, at } = timed();
    tracker.handle(total(1));
    at(10);
    tracker.handle(total(2));
    tracker.stop();
    vi.advanceTimersByTime(500);
    at(600);
    tracker.handle(total(3));
    tracker.handle({ status: 'done', file: 'onnx/model.onnx' });
    vi.advanceTimersByTime(500);
    expect(updates.map((u) => u.loaded)).toEqual([1]);
  });

  it('a load that ended well sends the figures still held back, once, and nothing after', () => {
    const { tracker, updates, at } = timed();
    tracker.handle({ status: 'initiate', file: 'onnx/model.onnx' });
    tracker.handle({ status: 'initiate', file: 'optional.json' });
    tracker.handle(total(1));
    at(10);
    tracker.handle(total(1000));
    // optional.json was missing: no "done" for it, so no compile; the last figures go out as the load ends.
    tracker.handle({ status: 'done', file: 'onnx/model.onnx' });
    tracker.stop(true);
    vi.advanceTimersByTime(500);
    expect(updates.map((u) => [u.phase, u.loaded])).toEqual([['download', 1], ['download', 1000]]);
  });

  it('reports bytes while downloading and compile once every started file is done', () => {
    const updates: ProgressUpdate[] = [];
    const tracker = new ProgressTracker((u) => updates.push(u), { gapMs: 0 });
    tracker.handle({ status: 'initiate', file: 'config.json' });
    tracker.handle({ status: 'initiate', file: 'onnx/model.onnx' });
    tracker.handle({
      status: 'progress_total',
      loaded: 50,
      total: 200,
      files: { 'config.json': { loaded: 50, total: 50 }, 'onnx/model.onnx': { loaded: 0, total: 150 } },
    });
    tracker.handle({ status: 'done', file: 'config.json' });
    expect(updates.map((u) => u.phase)).toEqual(['download']);
    tracker.handle({
      status: 'progress_total',
      loaded: 200,
      total: 200,
      files: { 'config.json': { loaded: 50, total: 50 }, 'onnx/model.onnx': { loaded: 150, total: 150 } },
    });
    tracker.handle({ status: 'done', file: 'onnx/model.onnx' });
    expect(updates.map((u) => u.phase)).toEqual(['download', 'download', 'compile']);
    expect(updates.at(-1)).toMatchObject({ loaded: 200, total: 200 });
    expect(tracker.totalBytes()).toBe(200);
  });
});
