// summarization's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { TextChunk } from '../shared/text-chunk';

export type Input = string;
export type { Seq2SeqOutput as Output } from '../shared/seq2seq-contract';
export type Chunk = TextChunk;
/** The text streamed so far. */
export type Streamed = string;
