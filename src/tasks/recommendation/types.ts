// recommendation's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { EmbedProgress } from '../shared/embedding-cache';
import type { CatalogItem } from './sample-catalog';

export type { RecommendationInput as Input } from './catalog';

/** What the worker receives: the catalog in use and the ids of the liked items. */
export interface WorkerInput {
  items: CatalogItem[];
  liked: string[];
}

export interface RecommendedItem extends CatalogItem {
  score: number;
  because: { title: string; score: number };
}

export interface Output {
  liked: string[];
  results: RecommendedItem[];
  total: number;
  dims: number;
  /** Catalog items embedded by this run: 0 when the catalog embeddings were reused. */
  embeddedItems: number;
}

/** Streamed while the catalog is embedded; the view shows the latest. */
export type Chunk = EmbedProgress;
