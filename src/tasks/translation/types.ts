// translation's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { TextChunk } from '../shared/text-chunk';

export interface Input {
  text: string;
  /** Language keys (e.g. 'en'), mapped to each model family's codes when the run starts. */
  src: string;
  tgt: string;
}

/** The text and the model's own language codes (translationRequest). */
export type { TranslationRequest as WorkerInput } from './languages';
export type { Seq2SeqOutput as Output } from '../shared/seq2seq-contract';
export type Chunk = TextChunk;
/** The translation streamed so far. */
export type Streamed = string;
