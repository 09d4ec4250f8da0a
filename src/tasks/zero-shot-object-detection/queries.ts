// What to find: the phrases OWL-ViT matches against the picture's regions (pure; both threads).
import { cleanLabels } from '../zero-shot-classification/labels';

/** Each phrase is a row of the text batch: enough for a scene, few enough to keep a run short. */
export const MAX_QUERIES = 20;
export const QUERIES_MISSING = 'Type at least one thing to find, e.g. “a cup, a spoon”.';

/** The phrases to run, or why they cannot be run. */
export function checkQueries(raw: readonly unknown[]): { queries: string[]; problem?: string } {
  const queries = cleanLabels(raw);
  if (queries.length === 0) return { queries, problem: QUERIES_MISSING };
  if (queries.length > MAX_QUERIES) return { queries, problem: `${queries.length} things to find is too many: keep it to ${MAX_QUERIES} or fewer.` };
  return { queries };
}

/** A box kept inside a width × height picture. */
export function clampBox(box: { xmin: number; ymin: number; xmax: number; ymax: number }, width: number, height: number) {
  const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));
  return { xmin: clamp(box.xmin, width), ymin: clamp(box.ymin, height), xmax: clamp(box.xmax, width), ymax: clamp(box.ymax, height) };
}
