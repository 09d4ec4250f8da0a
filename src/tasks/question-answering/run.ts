import { InvalidInputError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import type { Input, Output } from './types';
import { CONTEXT_MISSING, QUESTION_MISSING } from './answer';
import { countTokens, requireWithinContext } from '../shared/context-limit';

type Answerer = (question: string, context: string) => Promise<{ answer: string; score: number }>;

function requireQaInput(input: Input): Input {
  const { context, question } = input;
  if (typeof context !== 'string' || !context.trim()) {
    throw new InvalidInputError(CONTEXT_MISSING, 'The model picks its answer out of that text; it does not know facts on its own.');
  }
  if (typeof question !== 'string' || !question.trim()) throw new InvalidInputError(QUESTION_MISSING, 'For example: "Where does Wolfgang live?"');
  return { context, question };
}

const runner: TaskRunner<Input, Output, never, Answerer> = {
  async warmup(pipe) {
    await pipe('Who lives here?', 'Ada lives here.');
  },
  async run({ pipe, input }) {
    const { context, question } = requireQaInput(input);
    requireWithinContext(pipe, context, 'context', countTokens(pipe, question.trim()) ?? 0);
    const { answer, score } = await pipe(question.trim(), context);
    const output: Output = { context, question, answer: answer.trim(), score };
    return { output };
  },
};
export default runner;
