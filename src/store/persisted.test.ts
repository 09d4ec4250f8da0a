import { describe, expect, it } from 'vitest';
import { MAX_SAVED_RESULT_CHARS, SAVED_FIELDS, memoPersistable, mergePersisted, migratePersisted, persistable } from './persisted';
import { createMemoryStore, type AppState } from './index';

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

describe('saved inputs', () => {
  it('keeps a chat conversation whose messages have properties set to undefined', () => {
    const chat = { system: '', draft: '', messages: [{ role: 'assistant', content: 'Hi', stopped: undefined, stats: { ttftMs: undefined, newTokens: 2 } }] };
    const saved = persistable({ ...current, dtypeByTask: {}, run: { status: 'idle', seq: 0 }, inputByTask: { chat } } as unknown as AppState);
    expect(JSON.parse(JSON.stringify(saved)).inputByTask.chat.messages[0]).toEqual({ role: 'assistant', content: 'Hi', stats: { newTokens: 2 } });
  });
});

describe('last result', () => {
  const done = { status: 'done', seq: 3, task: 'text-classification', input: 'I love it', output: [{ label: 'POSITIVE', score: 0.99 }], stats: { latencyMs: 12 } };
  const state = (run: unknown) => ({ ...current, dtypeByTask: {}, run }) as unknown as AppState;

  it('keeps a finished, small, plain-JSON result and restores it on reload', () => {
    const saved = persistable(state(done));
    expect(saved.lastRun).toMatchObject({ task: 'text-classification', output: done.output, input: 'I love it' });
    const restored = mergePersisted(JSON.parse(JSON.stringify(saved)), state({ status: 'idle', seq: 0 }));
    expect(restored.run).toMatchObject({ status: 'done', task: 'text-classification', output: done.output });
    expect(restored).not.toHaveProperty('lastRun');
  });
  it('keeps nothing while running, for results holding files, or for large results', () => {
    expect(persistable(state({ ...done, status: 'running' })).lastRun).toBeUndefined();
    expect(persistable(state({ ...done, input: { kind: 'file', blob: new Blob(['x']) } })).lastRun).toBeUndefined();
    expect(persistable(state({ ...done, output: 'x'.repeat(MAX_SAVED_RESULT_CHARS) })).lastRun).toBeUndefined();
  });
  it('ignores a saved result of a task that no longer exists', () => {
    const restored = mergePersisted({ lastRun: { ...done, task: 'gone' } }, state({ status: 'idle', seq: 0 }));
    expect(restored.run).toEqual({ status: 'idle', seq: 0 });
  });
});

describe('theme choice', () => {
  const withTheme = { ...current, theme: 'system' } as AppState;
  it('a version-1 visit gains the system theme; later versions keep theirs', () => {
    expect(migratePersisted({ task: 'chat' }, 1)).toEqual({ task: 'chat', theme: 'system' });
    expect(migratePersisted({ theme: 'dark' }, 2)).toEqual({ theme: 'dark' });
  });
  it('restores a saved theme and ignores an unknown one', () => {
    expect(mergePersisted({ theme: 'light' }, withTheme).theme).toBe('light');
    expect(mergePersisted({ theme: 'sepia' }, withTheme).theme).toBe('system');
  });
});

describe('memoPersistable', () => {
  const done = { status: 'done', seq: 3, task: 'text-classification', input: 'hi', output: [{ label: 'POSITIVE', score: 0.9 }] };
  const state = (extra: object) => ({ ...createMemoryStore().getState(), run: done, ...extra }) as unknown as AppState;

  it('lists every field persistable reads', () => {
    const read = new Set<string>();
    const base = state({ linkHost: undefined });
    persistable(new Proxy(base, { get: (target, key) => (read.add(String(key)), Reflect.get(target, key)) }));
    expect([...read].filter((key) => !(SAVED_FIELDS as readonly string[]).includes(key))).toEqual([]);
  });
  it('hands back the same object while only unsaved fields change, and a new one when a saved field does', () => {
    const save = memoPersistable();
    const first = state({});
    const saved = save(first);
    expect(saved.lastRun?.output).toEqual(done.output);
    expect(save({ ...first, load: { ...first.load, loaded: 10 } })).toBe(saved);
    const changed = save({ ...first, theme: 'dark' });
    expect(changed).not.toBe(saved);
    expect(changed.theme).toBe('dark');
  });
  it('saves nothing new while a run streams: the start of a run and its end each change what is saved once', () => {
    const save = memoPersistable();
    const first = state({});
    const before = save(first);
    const running = (partial: string) => ({ ...first, run: { status: 'running', seq: 4, task: 'text-generation', input: 'Once', partial } }) as unknown as AppState;
    const started = save(running(''));
    expect(started).not.toBe(before);
    expect(started.lastRun).toBeUndefined();
    expect(save(running(' upon'))).toBe(started);
    expect(save(running(' upon a time'))).toBe(started);
    const finished = save({ ...first, run: { status: 'done', seq: 4, task: 'text-generation', input: 'Once', output: { completion: ' upon a time' } } } as unknown as AppState);
    expect(finished).not.toBe(started);
    expect(finished.lastRun?.output).toEqual({ completion: ' upon a time' });
  });
});
