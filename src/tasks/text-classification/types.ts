// text-classification's contract, used by run.ts (worker) and Panel.tsx (UI).

/** The text. */
export type Input = string;

export type Output = { label: string; score: number }[];
