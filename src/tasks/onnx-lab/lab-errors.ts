import { InferenceError, InvalidInputError, PlaygroundError, UnsupportedModelError } from '../../protocol/errors';

/** onnxruntime's raw messages, turned into what is wrong in the user's terms. */
export function labError(error: unknown, ctx: { stage: 'create' | 'run'; model: string; device: string }): PlaygroundError {
  if (error instanceof PlaygroundError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const backend = ctx.device === 'webgpu' ? 'WebGPU' : 'WASM';
  const op = /No Op registered for (\S+) with domain_version of (\d+)/.exec(message) ?? /Could not find an implementation for (\S+?)\((\d+)\)/.exec(message);
  if (op) {
    return new UnsupportedModelError(
      `Unsupported operator ${op[1]} (opset ${op[2]}): onnxruntime-web cannot run "${ctx.model}" on ${backend}.`,
      'Export the model with standard ONNX operators, or try the other backend.',
    );
  }
  if (/protobuf parsing failed|Failed to load model/i.test(message)) {
    return new InvalidInputError(`"${ctx.model}" is not an ONNX model onnxruntime can read (${message.replace(/^.*ERROR_MESSAGE: /, '')}).`);
  }
  const rank = /Invalid rank for input: (\S+) Got: (\d+) Expected: (\d+)/.exec(message);
  if (rank) return new InvalidInputError(`Input "${rank[1]}" needs ${rank[3]} dimensions but was given ${rank[2]}.`);
  const dims = /Got invalid dimensions for input: (\S+) for the following indices\s*(.*)/s.exec(message);
  if (dims) return new InvalidInputError(`Input "${dims[1]}" has a shape the model does not accept. ${dims[2].replace(/\s+/g, ' ').trim()}`.trim());
  const type = /Unexpected input data type\. Actual: \(tensor\((\w+)\)\) , expected: \(tensor\((\w+)\)\)/.exec(message);
  if (type) return new InvalidInputError(`An input has type ${type[1]} but the model expects ${type[2]}.`);
  const what = ctx.stage === 'create' ? `Creating a ${backend} session for "${ctx.model}" failed` : `Running "${ctx.model}" on ${backend} failed`;
  return new InferenceError(`${what}: ${message.replace(/^.*ERROR_MESSAGE: /, '')}`);
}
