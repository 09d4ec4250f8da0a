// token-classification's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { Entity } from './entities';

/** The text. */
export type Input = string;

export interface Output {
  text: string;
  entities: Entity[];
  /** Every entity type the model can predict (from its id2label), for the legend. */
  types: string[];
}
