// A minimal ONNX model written by hand in protobuf wire format: y = Identity(x), x: float32[1].
// Creating a session on it initialises onnxruntime's WASM backend (download, compile, threads)
// before the user's first real model, so that cost overlaps with choosing a model.

const VARINT = 0;
const BYTES = 2;

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
}

const key = (field: number, wire: number) => varint((field << 3) | wire);
const int = (field: number, value: number) => [...key(field, VARINT), ...varint(value)];
const msg = (field: number, body: number[]) => [...key(field, BYTES), ...varint(body.length), ...body];
const str = (field: number, text: string) => msg(field, [...new TextEncoder().encode(text)]);

const FLOAT = 1;
const floatVector = (name: string) =>
  [...str(1, name), ...msg(2, msg(1, [...int(1, FLOAT), ...msg(2, msg(1, int(1, 1)))]))];

export function identityModel(): Uint8Array {
  const node = [...str(1, 'x'), ...str(2, 'y'), ...str(4, 'Identity')];
  const graph = [...msg(1, node), ...str(2, 'warmup'), ...msg(11, floatVector('x')), ...msg(12, floatVector('y'))];
  return new Uint8Array([...int(1, 8), ...str(2, 'model-playground'), ...msg(7, graph), ...msg(8, int(2, 13))]);
}

export interface TinyValue {
  name: string;
  /** ONNX element type (1 = float32, 7 = int64). */
  elemType?: number;
  /** Numbers are fixed sizes, strings are symbolic (dim_param). */
  dims: (number | string)[];
}

const dim = (d: number | string) => msg(1, typeof d === 'number' ? int(1, d) : str(2, d));
const valueInfo = (v: TinyValue) =>
  [...str(1, v.name), ...msg(2, msg(1, [...int(1, v.elemType ?? FLOAT), ...msg(2, v.dims.flatMap(dim))]))];

/** A one-node model, for tests of model inspection and error handling (e.g. an operator no runtime has). */
export function singleNodeModel(options: { op: string; inputs: TinyValue[]; outputs: TinyValue[]; opset?: number; producer?: string }): Uint8Array {
  const { op, inputs, outputs, opset = 13, producer = 'model-playground' } = options;
  const node = [...inputs.flatMap((v) => str(1, v.name)), ...outputs.flatMap((v) => str(2, v.name)), ...str(4, op)];
  const graph = [
    ...msg(1, node),
    ...str(2, 'tiny'),
    ...inputs.flatMap((v) => msg(11, valueInfo(v))),
    ...outputs.flatMap((v) => msg(12, valueInfo(v))),
  ];
  return new Uint8Array([...int(1, 8), ...str(2, producer), ...str(3, '1.0'), ...msg(7, graph), ...msg(8, int(2, opset))]);
}
