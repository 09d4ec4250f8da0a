// Minimal ONNX models, written with the project's protobuf writer (scripts/onnx-proto.mjs).
// `identityModel` (y = Identity(x), x: float32[1]): creating a session on it initialises onnxruntime's
// WASM backend (download, compile, threads) before the user's first real model, so that cost overlaps
// with choosing a model.
import { ELEM, model, node, toBytes, valueInfo } from '../../scripts/onnx-proto.mjs';

export function identityModel(): Uint8Array {
  return singleNodeModel({ op: 'Identity', inputs: [{ name: 'x', dims: [1] }], outputs: [{ name: 'y', dims: [1] }] });
}

export interface TinyValue {
  name: string;
  /** ONNX element type (1 = float32, 7 = int64). */
  elemType?: number;
  /** Numbers are fixed sizes, strings are symbolic (dim_param). */
  dims: (number | string)[];
}

const info = (v: TinyValue) => valueInfo(v.name, v.elemType ?? ELEM.FLOAT, v.dims);

/** A one-node model, for tests of model inspection and error handling (e.g. an operator no runtime has). */
export function singleNodeModel(options: { op: string; inputs: TinyValue[]; outputs: TinyValue[]; opset?: number; producer?: string }): Uint8Array {
  const { op, inputs, outputs, opset = 13, producer = 'model-playground' } = options;
  const names = (values: TinyValue[]) => values.map((v) => v.name);
  return toBytes(
    model({
      name: 'tiny',
      nodes: [node(op, names(inputs), names(outputs))],
      inputs: inputs.map(info),
      outputs: outputs.map(info),
      opsets: { '': opset },
      producer,
      producerVersion: '1.0',
    }),
  );
}
