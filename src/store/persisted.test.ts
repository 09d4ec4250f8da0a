import { describe, expect, it } from 'vitest';
import { mergePersisted } from './persisted';
import type { AppState } from './index';

const current = {
  task: 'text-classification',
  host: 'https://huggingface.co/',
  modelByTask: { 'text-classification': 'a/default', 'text-generation': 'b/default' },
  paramsByTask: { 'text-generation': { max_new_tokens: 64, min_new_tokens: 0 } },
  inputByTask: {},
} as unknown as AppState;

describe('mergePersisted', () => {
  it('merges per-task maps key by key so new tasks and params keep their defaults', () => {
    const merged = mergePersisted(
      { task: 'text-generation', modelByTask: { 'text-generation': 'mine/model' }, paramsByTask: { 'text-generation': { max_new_tokens: 200 } } },
      current,
    );
    expect(merged.task).toBe('text-generation');
    expect(merged.modelByTask).toEqual({ 'text-classification': 'a/default', 'text-generation': 'mine/model' });
    expect(merged.paramsByTask['text-generation']).toEqual({ max_new_tokens: 200, min_new_tokens: 0 });
  });
  it('drops a saved task that no longer exists', () => {
    expect(mergePersisted({ task: 'removed-task' }, current).task).toBe('text-classification');
  });
  it('copes with nothing saved', () => {
    expect(mergePersisted(undefined, current).modelByTask).toEqual(current.modelByTask);
  });
});
