import { describe, expect, it } from 'vitest';
import { ProgressTracker } from './progress-tracker';
import type { ProgressUpdate } from './types';

describe('ProgressTracker', () => {
  it('reports bytes while downloading and compile once every started file is done', () => {
    const updates: ProgressUpdate[] = [];
    const tracker = new ProgressTracker((u) => updates.push(u));
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
