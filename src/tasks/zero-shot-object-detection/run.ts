import type { RawImage } from '@huggingface/transformers';
import { InvalidInputError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import type { Detection, Output, WorkerInput } from './types';
import { requireImage, warmupImage } from '../shared/worker-input';
import { checkQueries, clampBox } from './queries';

// Detect everything above the slider's minimum once; the slider then filters in the UI without re-running.
const FLOOR = 0.05;

type Detector = (image: RawImage, labels: string[], options: { threshold: number; percentage: boolean }) => Promise<Detection[]>;

const runner: TaskRunner<WorkerInput, Output, never, Detector> = {
  async warmup(pipe) {
    await pipe(warmupImage(32), ['a thing'], { threshold: 0.9, percentage: false });
  },
  async run({ pipe, input }) {
    const { queries, problem } = checkQueries(Array.isArray(input.queries) ? input.queries : []);
    if (problem) throw new InvalidInputError(problem, 'Separate the phrases with commas; short ones (“a red cup”) work best.');
    const image = await requireImage(input);
    const found = await pipe(image, queries, { threshold: FLOOR, percentage: false });
    // OWL-ViT's boxes may reach past the picture's edges; drawn and listed, they stay on it.
    const detections = found.map((d) => ({ ...d, box: clampBox(d.box, image.width, image.height) }));
    const output: Output = { width: image.width, height: image.height, detections, queries };
    return { output };
  },
};
export default runner;
