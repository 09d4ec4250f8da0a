import { InvalidInputError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import type { Input, Output } from './types';
import { requireText } from '../shared/worker-input';
import { LABELS_MISSING, cleanLabels } from './labels';
import { countTokens, requireWithinContext } from '../shared/context-limit';

type ZeroShot = (
  text: string,
  labels: string[],
  options: { multi_label: boolean },
) => Promise<{ labels: string[]; scores: number[] }>;

const runner: TaskRunner<Input, Output, never, ZeroShot> = {
  async warmup(pipe) {
    await pipe('warm up', ['test'], { multi_label: false });
  },
  async run({ pipe, input, params }) {
    const { text: rawText, labels: rawLabels } = input;
    const text = requireText(rawText);
    const labels = cleanLabels(Array.isArray(rawLabels) ? rawLabels : []);
    if (labels.length === 0) throw new InvalidInputError(LABELS_MISSING, 'Type labels separated by commas, e.g. "politics, sports, business".');
    // Each label is scored as a hypothesis paired with the text, so the longest one must fit beside it.
    requireWithinContext(pipe, text, 'text', Math.max(...labels.map((label) => countTokens(pipe, `This example is ${label}.`) ?? 0)));
    const multiLabel = Boolean(params.multi_label);
    const result = await pipe(text, labels, { multi_label: multiLabel });
    const scores = result.labels.map((label, i) => ({ label, score: result.scores[i] })).sort((a, b) => b.score - a.score);
    const output: Output = { scores, independent: multiLabel || labels.length === 1 };
    return { output };
  },
};
export default runner;
