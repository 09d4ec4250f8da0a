// image-segmentation's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { ImagePayload, ImageTaskInput } from '../shared/image-contract';

export type Input = ImageTaskInput;
export type WorkerInput = ImagePayload;

export interface Segment {
  label: string;
  /** Panoptic/instance models score each segment; semantic ones do not. */
  score: number | null;
  /** width × height, 0-255 (a hard 0/255 mask, or a soft one from saliency models). */
  mask: Uint8Array;
  /** Share of the picture the mask covers (mask ≥ 128). */
  area: number;
}

export interface Output {
  width: number;
  height: number;
  segments: Segment[];
}
