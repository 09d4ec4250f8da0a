import type { TaskMeta } from './types';

// Each task is one folder: meta.ts (both threads), run.ts (worker only, see runners.ts), Panel.tsx (UI only,
// see registry.ts). Adding a task = adding its folder + one id below (the order the task picker shows).
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
  'zero-shot-object-detection',
  'image-similarity',
  'ocr',
  'onnx-lab',
] as const;

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
