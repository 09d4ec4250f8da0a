import { InvalidInputError } from '../../protocol/errors';
import { createSession, ort } from '../../runtime/ort-session';
import type { TaskRunner } from '../types';
import { LabEngine } from './lab-engine';
import type { Output, WorkerInput } from './types';

const runner: TaskRunner<WorkerInput | undefined, Output, never, LabEngine> = {
  // The lab's "model" comes with each run (a dropped file or fetched URL); loading only readies onnxruntime.
  async load(_spec, ctx) {
    await ctx.ready;
    const engine = new LabEngine(
      { create: createSession, tensor: (type, data, dims) => new ort.Tensor(type as 'float32', data as Float32Array, dims) },
      ctx.caps,
    );
    return { pipe: engine, device: 'wasm', dtype: 'fp32', bytes: 0, fromCache: false };
  },
  async inspect() {
    return { available: ['fp32'] };
  },
  async warmup() {},
  async run({ pipe, input }) {
    const request = input;
    if (!(request?.model?.bytes instanceof Blob)) throw new InvalidInputError('No model was given.', 'Drop an .onnx file or give its URL.');
    const engine = pipe;
    const output = request.action === 'providers' ? await engine.checkProviders(request.model) : await engine.run(request);
    return { output, stats: output.runMs !== undefined ? { latencyMs: output.runMs } : undefined };
  },
};
export default runner;
