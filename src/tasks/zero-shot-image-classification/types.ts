// zero-shot-image-classification's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { ImageTaskInput } from '../shared/image-contract';
import type { ImageInput } from '../shared/worker-input';

export interface Input {
  image: ImageTaskInput;
  labels: string[];
  template: string;
}

/** The image's bytes (absent when none was chosen) with the labels and template. */
export type WorkerInput = Partial<ImageInput> & { labels: string[]; template: string };

export interface Output {
  /** Highest first. */
  scores: { label: string; score: number }[];
  template: string;
}
