import type { RawImage } from '@huggingface/transformers';
import { InvalidInputError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import { requireImage, runsAtFixedSize, warmupImage } from '../shared/worker-input';

export interface CutoutOutput {
  width: number;
  height: number;
  /** width × height × 4: the picture with the model's mask as its alpha channel. */
  rgba: Uint8ClampedArray;
  /** Share of the picture kept (alpha ≥ 128). */
  kept: number;
}

type Remover = (image: RawImage) => Promise<RawImage>;

const runner: TaskRunner = {
  async warmup(pipe) {
    if (runsAtFixedSize(pipe)) return;
    await (pipe as Remover)(warmupImage(32));
  },
  async run({ pipe, input }) {
    const image = await requireImage(input);
    const cutout = await (pipe as Remover)(image);
    if (cutout.channels !== 4) throw new InvalidInputError(`The model returned ${cutout.channels} channels instead of RGBA.`);
    const rgba = new Uint8ClampedArray(cutout.data);
    let kept = 0;
    for (let i = 3; i < rgba.length; i += 4) if (rgba[i] >= 128) kept += 1;
    const output: CutoutOutput = { width: cutout.width, height: cutout.height, rgba, kept: kept / (cutout.width * cutout.height) };
    return { output };
  },
};
export default runner;
