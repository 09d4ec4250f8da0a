// image-to-text's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { ImagePayload, ImageTaskInput } from '../shared/image-contract';

export type Input = ImageTaskInput;
export type WorkerInput = ImagePayload;

export interface Output {
  text: string;
}
