import { InvalidInputError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import { CONTEXT_MISSING, QUESTION_MISSING } from './answer';
import { countTokens, requireWithinContext } from '../shared/context-limit';

export interface QaInput {
  context: string;
  question: string;
}

export interface QaOutput extends QaInput {
  answer: string;
  score: number;
}

type Answerer = (question: string, context: string) => Promise<{ answer: string; score: number }>;

function requireQaInput(input: unknown): QaInput {
  const { context, question } = (input ?? {}) as Partial<QaInput>;
  if (typeof context !== 'string' || !context.trim()) {
    throw new InvalidInputError(CONTEXT_MISSING, 'The model picks its answer out of that text; it does not know facts on its own.');
  }
  if (typeof question !== 'string' || !question.trim()) throw new InvalidInputError(QUESTION_MISSING, 'For example: "Where does Wolfgang live?"');
  return { context, question };
}

const runner: TaskRunner = {
  async warmup(pipe) {
    await (pipe as Answerer)('Who lives here?', 'Ada lives here.');
  },
  async run({ pipe, input }) {
    const { context, question } = requireQaInput(input);
    requireWithinContext(pipe, context, 'context', countTokens(pipe, question.trim()) ?? 0);
    const { answer, score } = await (pipe as Answerer)(question.trim(), context);
    const output: QaOutput = { context, question, answer: answer.trim(), score };
    return { output };
  },
};
export default runner;
