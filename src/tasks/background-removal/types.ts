// background-removal's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { ImagePayload, ImageTaskInput } from '../shared/image-contract';

export type Input = ImageTaskInput;
export type WorkerInput = ImagePayload;

export interface Output {
  width: number;
  height: number;
  /** width × height × 4: the picture with the model's mask as its alpha channel. */
  rgba: Uint8ClampedArray;
  /** Share of the picture kept (alpha ≥ 128). */
  kept: number;
}
