// question-answering's contract, used by run.ts (worker) and Panel.tsx (UI).

export interface Input {
  context: string;
  question: string;
}

export interface Output extends Input {
  answer: string;
  score: number;
}
