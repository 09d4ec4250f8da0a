import { TASK_METAS } from './catalog';
import type { TaskModule, TaskView } from './types';

export { TASK_ORDER, defaultParams } from './catalog';

// UI side of the task folders: meta.ts and Panel.tsx (loaded when a task is first shown). The worker has its own
// side (runners.ts), so neither bundle carries the other's code.
// Each Panel.tsx is typed by its own contract (./<task>/types.ts); here, where any task's view can come back, they
// are seen through the contract-free TaskView, as the worker sees every input through postMessage.
const views = import.meta.glob<TaskView>('./*/Panel.tsx', { import: 'default' });

function moduleFor(meta: (typeof TASK_METAS)[number]): TaskModule {
  const view = views[`./${meta.id}/Panel.tsx`];
  if (!view) throw new Error(`Task folder "${meta.id}" needs Panel.tsx`);
  return { meta, view };
}

export const TASKS: readonly TaskModule[] = TASK_METAS.map(moduleFor);

export function findTask(id: string): TaskModule | undefined {
  return TASKS.find((task) => task.meta.id === id);
}
