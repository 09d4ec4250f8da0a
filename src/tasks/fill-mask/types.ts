// fill-mask's contract, used by run.ts (worker) and Panel.tsx (UI).

/** The text. */
export type Input = string;

export interface FillPrediction {
  /** The predicted token as the tokenizer decodes it, trimmed. */
  token: string;
  score: number;
  /** The whole sequence as the model decoded it (lower-cased for uncased models). */
  sequence: string;
}

export interface Output {
  /** The text as typed ([MASK] or <mask>). */
  text: string;
  /** The loaded model's own mask token. */
  maskToken: string;
  predictions: FillPrediction[];
}
