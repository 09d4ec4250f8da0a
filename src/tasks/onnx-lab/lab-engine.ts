// The lab's worker side: one cached onnxruntime session (per model and device), provider checks, and runs
// whose outputs come back as summaries. Takes the session factory as a parameter so tests can use Node's ort.
import type * as OrtTypes from 'onnxruntime-common';
import { InvalidInputError } from '../../protocol/errors';
import type { Capabilities, Device } from '../../protocol/messages';
import { buildTensor, type DeclaredInput } from './feeds';
import { labError } from './lab-errors';
import type { LabOutput, LabRequest, ProviderCheck } from './lab-types';
import { OnnxParseError, readOnnx } from './onnx-reader';
import { summarize } from './tensor-stats';
import { own, setOwn } from '../../protocol/own';

type Session = OrtTypes.InferenceSession;
export interface OrtLike {
  create(bytes: Uint8Array, device: Device): Promise<Session>;
  tensor(type: string, data: unknown, dims: number[]): OrtTypes.Tensor;
}

interface Cached {
  key: string;
  device: Device;
  session: Session;
}

export class LabEngine {
  private cached?: Cached;
  constructor(private readonly ort: OrtLike, private readonly caps: Pick<Capabilities, 'webgpu'>) {}

  async dispose(): Promise<void> {
    const cached = this.cached;
    this.cached = undefined;
    await cached?.session.release();
  }

  private async open(model: LabRequest['model'], device: Device): Promise<{ session: Session; ms?: number }> {
    if (this.cached?.key === model.key && this.cached.device === device) return { session: this.cached.session };
    await this.dispose();
    if (device === 'webgpu' && !this.caps.webgpu.available) {
      throw new InvalidInputError(`WebGPU is not available here: ${this.caps.webgpu.reason ?? 'no adapter'}.`, 'Run on WASM instead.');
    }
    const bytes = new Uint8Array(await model.bytes.arrayBuffer());
    const start = performance.now();
    try {
      const session = await this.ort.create(bytes, device);
      this.cached = { key: model.key, device, session };
      return { session, ms: performance.now() - start };
    } catch (error) {
      throw explainCreateError(error, bytes, model.name, device);
    }
  }

  async checkProviders(model: LabRequest['model']): Promise<LabOutput> {
    const providers: ProviderCheck[] = [];
    for (const device of ['wasm', 'webgpu'] as const) {
      if (device === 'webgpu' && !this.caps.webgpu.available) {
        providers.push({ device, ok: false, message: `no WebGPU adapter (${this.caps.webgpu.reason ?? 'navigator.gpu is missing'})` });
        continue;
      }
      try {
        const start = performance.now();
        await this.open(model, device);
        providers.push({ device, ok: true, ms: performance.now() - start });
      } catch (error) {
        providers.push({ device, ok: false, message: (error as Error).message });
      }
    }
    return { action: 'providers', modelName: model.name, providers };
  }

  async run(request: LabRequest): Promise<LabOutput> {
    const { session, ms } = await this.open(request.model, request.device);
    const declared: DeclaredInput[] = session.inputNames.map((name, i) => {
      const meta = session.inputMetadata?.[i];
      return meta?.isTensor ? { name, type: meta.type, shape: meta.shape } : { name };
    });
    const unknown = request.feeds.find((feed) => !session.inputNames.includes(feed.name));
    if (unknown) throw new InvalidInputError(`The model has no input "${unknown.name}"; its inputs are ${session.inputNames.join(', ')}.`);
    const feeds: Record<string, OrtTypes.Tensor> = {};
    for (const input of declared) {
      const spec = buildTensor(input, request.feeds.find((feed) => feed.name === input.name));
      setOwn(feeds, input.name, this.ort.tensor(spec.type, spec.data, spec.dims));
    }
    const start = performance.now();
    let results: Record<string, OrtTypes.OnnxValue>;
    try {
      results = await session.run(feeds);
    } catch (error) {
      throw labError(error, { stage: 'run', model: request.model.name, device: request.device });
    }
    const runMs = performance.now() - start;
    const outputs = session.outputNames.map((name) => {
      const tensor = own(results, name) as OrtTypes.Tensor;
      const data = tensor.location === 'cpu' || tensor.location === undefined ? (tensor.data as ArrayLike<number>) : [];
      const summary = summarize(name, tensor.type, tensor.dims, data);
      tensor.dispose?.();
      return summary;
    });
    return {
      action: 'run',
      modelName: request.model.name,
      device: request.device,
      sessionMs: ms,
      runMs,
      inputs: declared.map((input) => ({ name: input.name, type: own(feeds, input.name)!.type, dims: [...own(feeds, input.name)!.dims], source: request.feeds.find((f) => f.name === input.name)!.source })),
      outputs,
    };
  }
}

function explainCreateError(error: unknown, bytes: Uint8Array, name: string, device: Device) {
  try {
    readOnnx(bytes);
  } catch (parseError) {
    if (parseError instanceof OnnxParseError) {
      return new InvalidInputError(`"${name}" is not a valid ONNX model: ${parseError.message}.`, 'Check that the file is a complete .onnx model.');
    }
  }
  return labError(error, { stage: 'create', model: name, device });
}
