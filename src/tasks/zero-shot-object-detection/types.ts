// zero-shot-object-detection's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { ImageTaskInput } from '../shared/image-contract';
import type { ImageInput } from '../shared/worker-input';
import type { Detection } from '../object-detection/types';

export type { Detection };

export interface Input {
  image: ImageTaskInput;
  /** What to find: one short phrase each ("a cat", "a red cup"). */
  queries: string[];
}

/** The image's bytes (absent when none was chosen) with the phrases. */
export type WorkerInput = Partial<ImageInput> & { queries: string[] };

export interface Output {
  width: number;
  height: number;
  /** Every box at or above the worker's floor, best first; the view's slider filters them. */
  detections: Detection[];
  queries: string[];
}
