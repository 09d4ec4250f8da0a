import { TASK_ORDER } from './order';
import type { TaskMeta } from './types';

// Each task is one folder: meta.ts (both threads), run.ts (worker only, see runners.ts), Panel.tsx (UI only,
// see registry.ts). Adding a task = adding its folder + one id in ./order.ts (the order the task picker shows).
export { TASK_ORDER };

const metas = import.meta.glob<TaskMeta>('./*/meta.ts', { eager: true, import: 'meta' });

function metaFor(id: string): TaskMeta {
  const meta = metas[`./${id}/meta.ts`];
  if (!meta) throw new Error(`Task folder "${id}" needs meta.ts`);
  if (meta.id !== id) throw new Error(`Task folder "${id}" declares id "${meta.id}"`);
  return meta;
}

/** What both threads know of every task, in picker order. */
export const TASK_METAS: readonly TaskMeta[] = TASK_ORDER.map(metaFor);

export function defaultParams(meta: TaskMeta): Record<string, number | boolean> {
  return Object.fromEntries(meta.params.map((param) => [param.key, param.default]));
}
