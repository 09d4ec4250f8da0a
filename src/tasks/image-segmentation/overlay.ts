import { colorFor, hexToRgb } from '../shared/draw';
import type { Segment } from './types';

/**
 * One RGBA layer with every visible segment in its label's colour. A soft mask (saliency models)
 * fades with its value; where segments overlap, the later one wins, as in the pipeline's output order.
 */
export function paintSegments(segments: Segment[], hidden: ReadonlySet<string>, opacity: number, size: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(size * 4);
  for (const segment of segments) {
    if (hidden.has(segment.label)) continue;
    const [r, g, b] = hexToRgb(colorFor(segment.label));
    const { mask } = segment;
    for (let i = 0; i < size; i++) {
      const m = mask[i];
      if (m === 0) continue;
      const o = i * 4;
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      out[o + 3] = Math.round(m * opacity);
    }
  }
  return out;
}

/** The label of the topmost visible segment covering pixel i, if any. */
export function labelAt(segments: Segment[], hidden: ReadonlySet<string>, i: number): string | undefined {
  for (let s = segments.length - 1; s >= 0; s--) {
    const segment = segments[s];
    if (!hidden.has(segment.label) && segment.mask[i] >= 128) return segment.label;
  }
  return undefined;
}
