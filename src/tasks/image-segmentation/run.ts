import type { RawImage } from '@huggingface/transformers';
import type { TaskRunner } from '../types';
import type { Output, Segment, WorkerInput } from './types';
import { requireImage, runsAtFixedSize, warmupImage, type FixedSizeInfo } from '../shared/worker-input';

type Segmenter = ((image: RawImage) => Promise<{ label: string | null; score: number | null; mask: RawImage }[]>) & FixedSizeInfo;

function coverage(mask: Uint8Array): number {
  let on = 0;
  for (const v of mask) if (v >= 128) on += 1;
  return mask.length ? on / mask.length : 0;
}

/** Labels must be unique for the legend's toggles: repeated ones (instances) get a number. */
function uniqueLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} #${n}`;
  });
}

const runner: TaskRunner<WorkerInput, Output, never, Segmenter> = {
  async warmup(pipe) {
    if (runsAtFixedSize(pipe)) return;
    await pipe(warmupImage(64));
  },
  async run({ pipe, input }) {
    const image = await requireImage(input);
    const found = await pipe(image);
    const labels = uniqueLabels(found.map((s, i) => s.label ?? (found.length === 1 ? 'foreground' : `segment ${i + 1}`)));
    const segments: Segment[] = found.map((s, i) => {
      const mask = new Uint8Array(s.mask.data);
      return { label: labels[i], score: s.score, mask, area: coverage(mask) };
    });
    const output: Output = { width: image.width, height: image.height, segments };
    return { output };
  },
};
export default runner;
