import type { TaskMeta, TaskModule, TaskRunner, TaskView } from './types';

// Each task is one folder: meta.ts (both threads), run.ts (worker only), Panel.tsx (UI only).
// Adding a task = adding its folder + one id below (the order the task picker shows).
export const TASK_ORDER = [
  'text-classification',
  'feature-extraction',
  'semantic-search',
  'recommendation',
  'chat',
  'text-generation',
  'translation',
  'summarization',
  'text2text-generation',
  'zero-shot-classification',
  'token-classification',
  'fill-mask',
  'question-answering',
  'image-classification',
  'object-detection',
  'image-segmentation',
  'background-removal',
  'depth-estimation',
  'image-to-text',
  'zero-shot-image-classification',
  'ocr',
  'onnx-lab',
] as const;

const metas = import.meta.glob<TaskMeta>('./*/meta.ts', { eager: true, import: 'meta' });
const runners = import.meta.glob<TaskRunner>('./*/run.ts', { import: 'default' });
const views = import.meta.glob<TaskView>('./*/Panel.tsx', { import: 'default' });

function moduleFor(id: string): TaskModule {
  const meta = metas[`./${id}/meta.ts`];
  const runner = runners[`./${id}/run.ts`];
  const view = views[`./${id}/Panel.tsx`];
  if (!meta || !runner || !view) throw new Error(`Task folder "${id}" needs meta.ts, run.ts and Panel.tsx`);
  if (meta.id !== id) throw new Error(`Task folder "${id}" declares id "${meta.id}"`);
  return { meta, runner, view };
}

export const TASKS: readonly TaskModule[] = TASK_ORDER.map(moduleFor);

export function findTask(id: string): TaskModule | undefined {
  return TASKS.find((task) => task.meta.id === id);
}

export function defaultParams(meta: TaskMeta): Record<string, number | boolean> {
  return Object.fromEntries(meta.params.map((param) => [param.key, param.default]));
}
