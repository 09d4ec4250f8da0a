// Florence-2's task prompts and what its processor's post_process_generation returns, as the UI shows them.
// Pure: both threads use it.

/** The prompts whose answers Transformers.js 4.3.1 can parse (polygon answers it cannot: those are left out). */
export const FLORENCE_TASKS = [
  { task: '<CAPTION>', label: 'Caption', kind: 'text' },
  { task: '<DETAILED_CAPTION>', label: 'Detailed caption', kind: 'text' },
  { task: '<MORE_DETAILED_CAPTION>', label: 'More detailed caption', kind: 'text' },
  { task: '<OCR>', label: 'Read text (OCR)', kind: 'text' },
  { task: '<OCR_WITH_REGION>', label: 'Read text with regions', kind: 'quads' },
  { task: '<OD>', label: 'Object detection', kind: 'boxes' },
  { task: '<DENSE_REGION_CAPTION>', label: 'Dense region captions', kind: 'boxes' },
  { task: '<REGION_PROPOSAL>', label: 'Region proposals', kind: 'boxes' },
  { task: '<CAPTION_TO_PHRASE_GROUNDING>', label: 'Find phrases (grounding)', kind: 'boxes', needsText: true },
] as const;

export type FlorenceTask = (typeof FLORENCE_TASKS)[number]['task'];

export const DEFAULT_FLORENCE_TASK: FlorenceTask = '<CAPTION>';

export function florenceTaskInfo(task: string) {
  return FLORENCE_TASKS.find((t) => t.task === task);
}

export interface LabelledBox {
  label: string;
  box: { xmin: number; ymin: number; xmax: number; ymax: number };
}

/** The answer, in one shape the view can draw: a text, or labelled boxes in image pixels. */
export type FlorenceResult = { kind: 'text'; text: string } | { kind: 'boxes'; boxes: LabelledBox[] };

/**
 * Reads post_process_generation's `{ [task]: answer }`: a string, `{ labels, bboxes }` (x1,y1,x2,y2) or
 * `{ labels, quad_boxes }` (four corners, drawn as their bounding box). Anything else is shown as its text.
 */
export function readFlorenceAnswer(task: string, parsed: unknown, raw: string): FlorenceResult {
  const answer = (parsed as Record<string, unknown> | null)?.[task];
  if (typeof answer === 'string') return { kind: 'text', text: answer.trim() };
  const { labels, bboxes, quad_boxes } = (answer ?? {}) as { labels?: unknown; bboxes?: unknown; quad_boxes?: unknown };
  const coords = Array.isArray(bboxes) ? bboxes : Array.isArray(quad_boxes) ? quad_boxes : undefined;
  if (!coords || !Array.isArray(labels)) return { kind: 'text', text: raw };
  const boxes: LabelledBox[] = [];
  coords.forEach((points: unknown, i) => {
    if (!Array.isArray(points) || points.length < 4 || !points.every((v) => Number.isFinite(v))) return;
    const xs = points.filter((_, j) => j % 2 === 0) as number[];
    const ys = points.filter((_, j) => j % 2 === 1) as number[];
    const label = typeof labels[i] === 'string' && labels[i].trim() ? labels[i].trim() : `region ${i + 1}`;
    boxes.push({ label, box: { xmin: Math.min(...xs), ymin: Math.min(...ys), xmax: Math.max(...xs), ymax: Math.max(...ys) } });
  });
  return { kind: 'boxes', boxes };
}
