// image-classification's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { ImagePayload, ImageTaskInput } from '../shared/image-contract';

export type Input = ImageTaskInput;
export type WorkerInput = ImagePayload;
export type Output = { label: string; score: number }[];
