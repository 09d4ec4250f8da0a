import type { RawImage } from '@huggingface/transformers';
import type { TaskRunner } from '../types';
import { requireImage, warmupImage } from '../shared/worker-input';

export interface Detection {
  label: string;
  score: number;
  box: { xmin: number; ymin: number; xmax: number; ymax: number };
}
export interface DetectionOutput {
  width: number;
  height: number;
  detections: Detection[];
}

// Detect everything above the slider's minimum once; the slider then filters in the UI without re-running.
const FLOOR = 0.1;

type Detector = (image: RawImage, options: { threshold: number; percentage: boolean }) => Promise<Detection[]>;

const runner: TaskRunner = {
  async warmup(pipe) {
    await (pipe as Detector)(warmupImage(64), { threshold: 0.9, percentage: false });
  },
  async run({ pipe, input }) {
    const image = await requireImage(input);
    const detections = await (pipe as Detector)(image, { threshold: FLOOR, percentage: false });
    const output: DetectionOutput = { width: image.width, height: image.height, detections };
    return { output };
  },
};
export default runner;
