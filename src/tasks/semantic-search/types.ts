// semantic-search's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { EmbedProgress } from '../shared/embedding-cache';

export interface Input {
  /** One document per line, as typed, pasted or loaded from a file. */
  corpus: string;
  query: string;
}

/** What the worker receives: the documents already split, and the query. */
export interface WorkerInput {
  documents: string[];
  query: string;
}

export interface SearchHit {
  index: number;
  text: string;
  score: number;
}

export interface Output {
  query: string;
  /** The best MAX_SHOWN hits, best first (the view shows top-k of them). */
  hits: SearchHit[];
  total: number;
  dims: number;
  /** Documents embedded by this run: 0 when the corpus embeddings were reused. */
  embeddedDocuments: number;
  corpusKey: string;
}

/** Streamed while the corpus is embedded; the view shows the latest. */
export type Chunk = EmbedProgress;
