import { TASK_ORDER } from './catalog';
import type { TaskRunner } from './types';

// Worker side of the task folders: only run.ts files, loaded when a task first runs.
// Each run.ts is typed by its task's contract (./<task>/types.ts); the handler, which serves any task with what
// postMessage carried, sees them through the contract-free TaskRunner.
const runners = import.meta.glob<TaskRunner>('./*/run.ts', { import: 'default' });

for (const id of TASK_ORDER) {
  if (!runners[`./${id}/run.ts`]) throw new Error(`Task folder "${id}" needs run.ts`);
}

export async function runnerFor(task: string): Promise<TaskRunner> {
  const load = (TASK_ORDER as readonly string[]).includes(task) ? runners[`./${task}/run.ts`] : undefined;
  if (!load) throw new Error(`Unknown task "${task}"`);
  return load();
}
