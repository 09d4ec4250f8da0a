import type { RawImage } from '@huggingface/transformers';
import { InvalidInputError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import type { Output, WorkerInput } from './types';
import { requireImage, runsAtFixedSize, warmupImage, type FixedSizeInfo } from '../shared/worker-input';

type Remover = ((image: RawImage) => Promise<RawImage>) & FixedSizeInfo;

const runner: TaskRunner<WorkerInput, Output, never, Remover> = {
  async warmup(pipe) {
    if (runsAtFixedSize(pipe)) return;
    await pipe(warmupImage(32));
  },
  async run({ pipe, input }) {
    const image = await requireImage(input);
    const cutout = await pipe(image);
    if (cutout.channels !== 4) throw new InvalidInputError(`The model returned ${cutout.channels} channels instead of RGBA.`);
    const rgba = new Uint8ClampedArray(cutout.data);
    let kept = 0;
    for (let i = 3; i < rgba.length; i += 4) if (rgba[i] >= 128) kept += 1;
    const output: Output = { width: cutout.width, height: cutout.height, rgba, kept: kept / (cutout.width * cutout.height) };
    return { output };
  },
};
export default runner;
