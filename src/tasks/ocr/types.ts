// ocr's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { ImagePayload, ImageTaskInput } from '../shared/image-contract';
import type { Rect } from './db-boxes';

export type Input = ImageTaskInput;
export type WorkerInput = ImagePayload;

export interface Line {
  text: string;
  confidence: number;
  /** Mean text probability of the detected region. */
  boxScore: number;
  box: Rect;
}

export interface Output {
  width: number;
  height: number;
  /** The size the detector saw (longest side at most 960, multiples of 32). */
  detectedAt: { width: number; height: number };
  lines: Line[];
  detectMs: number;
  recogniseMs: number;
}
