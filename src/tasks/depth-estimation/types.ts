// depth-estimation's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { ImagePayload, ImageTaskInput } from '../shared/image-contract';

export type Input = ImageTaskInput;
export type WorkerInput = ImagePayload;

export interface Output {
  width: number;
  height: number;
  /** width × height, the prediction scaled to 0-255 between its min and max. */
  depth: Uint8Array;
  /** The model's raw prediction range (relative depth / disparity for most models; larger = nearer). */
  min: number;
  max: number;
}
