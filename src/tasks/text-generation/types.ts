// text-generation's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { TextChunk } from '../shared/text-chunk';

/** The prompt. */
export type Input = string;
export type Chunk = TextChunk;
/** The text streamed so far. */
export type Streamed = string;

export interface Output {
  prompt: string;
  completion: string;
  /** True when Stop ended the generation early. */
  stopped: boolean;
}
