// DB (differentiable binarisation) post-processing for PP-OCR detection, after PaddleOCR's DBPostProcess:
// threshold the probability map, take each connected text region, score it by the mean probability in its
// box ("fast" score mode), drop weak or tiny ones, then grow ("unclip") the box by area × ratio / perimeter,
// because the model is trained to predict shrunk text kernels. Boxes here are axis-aligned rectangles:
// fine for horizontal text, loose for rotated text (PaddleOCR fits a minimum-area rotated rectangle).

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface ScoredRect extends Rect {
  score: number;
}

export interface DbOptions {
  /** Pixel probability above which a pixel is text (PaddleOCR det_db_thresh). */
  threshold: number;
  /** Mean probability a region needs to be kept (det_db_box_thresh). */
  boxThreshold: number;
  /** How much to grow each region back (det_db_unclip_ratio). */
  unclipRatio: number;
  minSize?: number;
  maxCandidates?: number;
}

/** Regions of a [height × width] probability map, in map pixel coordinates (x1/y1 exclusive). */
export function dbBoxes(prob: ArrayLike<number>, width: number, height: number, options: DbOptions): ScoredRect[] {
  const { threshold, boxThreshold, unclipRatio, minSize = 3, maxCandidates = 1000 } = options;
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  const boxes: ScoredRect[] = [];
  for (let start = 0; start < width * height && boxes.length < maxCandidates; start++) {
    if (seen[start] || prob[start] <= threshold) continue;
    let x0 = width, y0 = height, x1 = -1, y1 = -1;
    seen[start] = 1;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx, ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (!seen[j] && prob[j] > threshold) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < minSize) continue;
    const score = meanIn(prob, width, x0, y0, x1 + 1, y1 + 1);
    if (score < boxThreshold) continue;
    const grow = (w * h * unclipRatio) / (2 * (w + h));
    const box = { x0: x0 - grow, y0: y0 - grow, x1: x1 + 1 + grow, y1: y1 + 1 + grow, score };
    if (Math.min(box.x1 - box.x0, box.y1 - box.y0) < minSize + 2) continue;
    boxes.push(clampRect(box, width, height));
  }
  return boxes;
}

function meanIn(prob: ArrayLike<number>, width: number, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += prob[y * width + x];
  return sum / ((x1 - x0) * (y1 - y0));
}

function clampRect<T extends Rect>(rect: T, width: number, height: number): T {
  return {
    ...rect,
    x0: Math.max(0, rect.x0),
    y0: Math.max(0, rect.y0),
    x1: Math.min(width, rect.x1),
    y1: Math.min(height, rect.y1),
  };
}

/** Reading order: top to bottom, and left to right within a line (boxes whose centres are within half a line). */
export function readingOrder<T extends Rect>(boxes: T[]): T[] {
  const sorted = [...boxes].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const lines: T[][] = [];
  for (const box of sorted) {
    const line = lines.at(-1);
    const centre = (box.y0 + box.y1) / 2;
    const ref = line?.[0];
    if (ref && Math.abs(centre - (ref.y0 + ref.y1) / 2) < (ref.y1 - ref.y0) / 2) line.push(box);
    else lines.push([box]);
  }
  return lines.flatMap((line) => line.sort((a, b) => a.x0 - b.x0));
}

/** The detection input size: the longest side at most `limit`, both sides multiples of 32 (PaddleOCR DetResizeForTest). */
export function detectionSize(width: number, height: number, limit = 960): { width: number; height: number } {
  const ratio = Math.max(width, height) > limit ? limit / Math.max(width, height) : 1;
  const round32 = (v: number) => Math.max(32, Math.round((v * ratio) / 32) * 32);
  return { width: round32(width), height: round32(height) };
}
