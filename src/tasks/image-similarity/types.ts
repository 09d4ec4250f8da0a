// image-similarity's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { ImageValue } from '../../ui/kit/ImageInput/image-value';
import type { ImageTaskInput } from '../shared/image-contract';
import type { EmbedProgress } from '../shared/embedding-cache';

export type QueryMode = 'picture' | 'text';

export interface Input {
  /** The pictures to search, in the order they were added. */
  pictures: ImageValue[];
  by: QueryMode;
  queryImage: ImageTaskInput;
  queryText: string;
}

/** One picture as the worker gets it: its bytes and a key for its content (the index reuses vectors by key). */
export interface PicturePayload {
  key: string;
  name: string;
  image: Blob;
}

export type QueryPayload = { kind: 'picture'; name: string; image: Blob } | { kind: 'text'; text: string };

export interface WorkerInput {
  pictures: PicturePayload[];
  query: QueryPayload;
}

export interface Hit {
  /** Position in the input's pictures. */
  index: number;
  name: string;
  /** Cosine similarity to the query, -1..1. */
  score: number;
}

export interface Output {
  query: { kind: 'picture'; name: string } | { kind: 'text'; text: string };
  /** Every picture, best first (the view shows top-k). */
  hits: Hit[];
  total: number;
  dims: number;
  /** Pictures embedded by this run: 0 when the whole index was reused. */
  embedded: number;
  /** Whether the loaded model can embed text (CLIP's text tower was found). */
  textTower: boolean;
}

/** Streamed while pictures are embedded. */
export type Chunk = EmbedProgress;
