import type { RawImage } from '@huggingface/transformers';
import type { TaskRunner } from '../types';
import type { Detection, Output, WorkerInput } from './types';
import { requireImage, warmupImage } from '../shared/worker-input';

// Detect everything above the slider's minimum once; the slider then filters in the UI without re-running.
const FLOOR = 0.1;

type Detector = (image: RawImage, options: { threshold: number; percentage: boolean }) => Promise<Detection[]>;

const runner: TaskRunner<WorkerInput, Output, never, Detector> = {
  async warmup(pipe) {
    await pipe(warmupImage(64), { threshold: 0.9, percentage: false });
  },
  async run({ pipe, input }) {
    const image = await requireImage(input);
    const detections = await pipe(image, { threshold: FLOOR, percentage: false });
    const output: Output = { width: image.width, height: image.height, detections };
    return { output };
  },
};
export default runner;
