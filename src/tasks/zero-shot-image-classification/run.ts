import type { RawImage } from '@huggingface/transformers';
import { InvalidInputError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import type { Output, WorkerInput } from './types';
import { requireImage, warmupImage } from '../shared/worker-input';
import { LABELS_MISSING, cleanLabels } from '../zero-shot-classification/labels';
import { TEMPLATE_PROBLEM, templateProblem } from './template';

type Classifier = (image: RawImage, labels: string[], options: { hypothesis_template: string }) => Promise<{ label: string; score: number }[]>;

const runner: TaskRunner<WorkerInput, Output, never, Classifier> = {
  async warmup(pipe) {
    await pipe(warmupImage(32), ['a test'], { hypothesis_template: 'a photo of {}.' });
  },
  async run({ pipe, input }) {
    const { labels: rawLabels, template = '' } = input;
    const labels = cleanLabels(Array.isArray(rawLabels) ? rawLabels : []);
    if (labels.length === 0) throw new InvalidInputError(LABELS_MISSING, 'Type labels separated by commas, e.g. "a cat, a dog, a cup of coffee".');
    if (templateProblem(template)) throw new InvalidInputError(TEMPLATE_PROBLEM);
    const image = await requireImage(input);
    const scores = await pipe(image, labels, { hypothesis_template: template });
    const output: Output = { scores: [...scores].sort((a, b) => b.score - a.score), template };
    return { output };
  },
};
export default runner;
