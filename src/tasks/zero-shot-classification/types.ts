// zero-shot-classification's contract, used by run.ts (worker) and Panel.tsx (UI).

export interface Input {
  text: string;
  labels: string[];
}

export interface Output {
  /** Highest first. */
  scores: { label: string; score: number }[];
  /** True when each label was scored on its own (multi-label, or a single label). */
  independent: boolean;
}
