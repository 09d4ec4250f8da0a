import { describe, expect, it } from 'vitest';
import { TASKS, TASK_ORDER, defaultParams, findTask } from './registry';
import { runnerFor } from './runners';

describe('task registry', () => {
  it('has one module per listed task, in order, each with its Transformers.js task id', () => {
    expect(TASKS.map((t) => t.meta.id)).toEqual([...TASK_ORDER]);
  });
  it('gives every task a curated default model and a group', () => {
    for (const { meta } of TASKS) {
      expect(meta.models.length).toBeGreaterThan(0);
      expect(meta.models[0].id).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(['Text', 'Vision', 'Tools']).toContain(meta.group);
    }
  });
  it('loads each task runner (worker side) lazily', async () => {
    for (const id of TASK_ORDER) {
      const runner = await runnerFor(id);
      expect(typeof runner.run).toBe('function');
      expect(typeof runner.warmup).toBe('function');
    }
    await expect(runnerFor('nope')).rejects.toThrow('Unknown task "nope"');
  });
  it('finds tasks by id and builds default params', () => {
    expect(findTask('nope')).toBeUndefined();
    expect(defaultParams(findTask('text-generation')!.meta)).toMatchObject({ max_new_tokens: 64, do_sample: false });
  });
});
