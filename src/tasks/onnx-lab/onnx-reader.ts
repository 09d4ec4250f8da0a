// A small protobuf reader for the parts of an ONNX ModelProto the lab shows: IR version, producer, opsets,
// metadata, the operators used, and the graph's inputs and outputs with their shapes (incl. symbolic dims).
// Field numbers from onnx/onnx.proto. Tensor payloads (initializers) are skipped by length, never decoded.
import { own, setOwn } from '../../protocol/own';

export class OnnxParseError extends Error {
  override name = 'OnnxParseError';
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

export type Dim = number | string | null;

/** A shape as text, `?` for a size that is not fixed: `[1, 3, ?, ?]`. */
export const formatShape = (shape?: readonly Dim[]) => (shape ? `[${shape.map((d) => (d === null || d === -1 ? '?' : d)).join(', ')}]` : 'unknown');

export interface ValueInfo {
  name: string;
  /** onnxruntime's type name ('float32', 'int64', …), or a description for non-tensors. */
  type: string;
  isTensor: boolean;
  /** undefined when the model does not declare a shape. */
  shape?: Dim[];
}

export interface OnnxInfo {
  irVersion: number;
  producerName: string;
  producerVersion: string;
  domain: string;
  modelVersion: number;
  docString: string;
  opsets: { domain: string; version: number }[];
  metadata: Record<string, string>;
  graphName: string;
  /** Operator type → how many nodes use it (top-level graph). */
  ops: Record<string, number>;
  nodeCount: number;
  initializerCount: number;
  inputs: ValueInfo[];
  outputs: ValueInfo[];
}

export const ELEMENT_TYPES: Record<number, string> = {
  1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool',
  10: 'float16', 11: 'float64', 12: 'uint32', 13: 'uint64', 14: 'complex64', 15: 'complex128', 16: 'bfloat16',
  17: 'float8e4m3fn', 18: 'float8e4m3fnuz', 19: 'float8e5m2', 20: 'float8e5m2fnuz', 21: 'uint4', 22: 'int4',
};

type Field = { field: number; wire: 0 | 1 | 5; start: number; value: bigint } | { field: number; wire: 2; start: number; from: number; to: number };

class Reader {
  pos: number;
  constructor(readonly bytes: Uint8Array, readonly from = 0, readonly to = bytes.length) {
    this.pos = from;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    const start = this.pos;
    for (;;) {
      if (this.pos >= this.to) throw new OnnxParseError(`the file is truncated at byte ${this.pos} (inside a number that starts at byte ${start})`, this.pos);
      const byte = this.bytes[this.pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
      shift += 7n;
      if (shift > 63n) throw new OnnxParseError(`invalid protobuf number at byte ${start}`, start);
    }
  }

  *fields(): Generator<Field> {
    while (this.pos < this.to) {
      const start = this.pos;
      const key = Number(this.varint());
      const field = key >>> 3;
      const wire = key & 7;
      if (field === 0) throw new OnnxParseError(`invalid protobuf field 0 at byte ${start}`, start);
      if (wire === 0) yield { field, wire: 0, start, value: this.varint() };
      else if (wire === 2) {
        const length = Number(this.varint());
        const from = this.pos;
        if (from + length > this.to) {
          throw new OnnxParseError(`the file is truncated at byte ${this.to}: a ${length}-byte field starting at byte ${from} runs past the end`, this.to);
        }
        this.pos = from + length;
        yield { field, wire: 2, start, from, to: from + length };
      } else if (wire === 1 || wire === 5) {
        const size = wire === 1 ? 8 : 4;
        if (this.pos + size > this.to) throw new OnnxParseError(`the file is truncated at byte ${this.to}`, this.to);
        this.pos += size;
        yield { field, wire: wire as 1 | 5, start, value: 0n };
      } else {
        throw new OnnxParseError(`invalid protobuf wire type ${wire} at byte ${start}`, start);
      }
    }
  }
}

const decoder = new TextDecoder('utf-8', { fatal: false });

function sub(bytes: Uint8Array, f: Field): Reader {
  if (f.wire !== 2) throw new OnnxParseError(`unexpected value type for field ${f.field} at byte ${f.start}`, f.start);
  return new Reader(bytes, f.from, f.to);
}
const text = (bytes: Uint8Array, f: Field) => (f.wire === 2 ? decoder.decode(bytes.subarray(f.from, f.to)) : '');
const num = (f: Field) => (f.wire === 2 ? 0 : Number(BigInt.asIntN(64, f.value)));

function dimension(bytes: Uint8Array, r: Reader): Dim {
  let dim: Dim = null;
  for (const f of r.fields()) {
    if (f.field === 1) dim = num(f);
    else if (f.field === 2) dim = text(bytes, f);
  }
  return dim;
}

function tensorType(bytes: Uint8Array, r: Reader): { type: string; shape?: Dim[] } {
  let type = 'undefined';
  let shape: Dim[] | undefined;
  for (const f of r.fields()) {
    if (f.field === 1) type = ELEMENT_TYPES[num(f)] ?? `type ${num(f)}`;
    else if (f.field === 2) {
      shape = [];
      for (const d of sub(bytes, f).fields()) if (d.field === 1) shape.push(dimension(bytes, sub(bytes, d)));
    }
  }
  return { type, shape };
}

const NON_TENSOR: Record<number, string> = { 4: 'sequence', 5: 'map', 8: 'sparse tensor', 9: 'optional' };

function valueInfo(bytes: Uint8Array, r: Reader): ValueInfo {
  const info: ValueInfo = { name: '', type: 'undefined', isTensor: false };
  for (const f of r.fields()) {
    if (f.field === 1) info.name = text(bytes, f);
    else if (f.field === 2) {
      for (const t of sub(bytes, f).fields()) {
        if (t.field === 1) Object.assign(info, tensorType(bytes, sub(bytes, t)), { isTensor: true });
        else if (NON_TENSOR[t.field]) info.type = NON_TENSOR[t.field];
      }
    }
  }
  return info;
}

function nodeOp(bytes: Uint8Array, r: Reader): string {
  let op = '';
  let domain = '';
  for (const f of r.fields()) {
    if (f.field === 4) op = text(bytes, f);
    else if (f.field === 7) domain = text(bytes, f);
  }
  return domain && domain !== 'ai.onnx' ? `${domain}.${op}` : op;
}

function graph(bytes: Uint8Array, r: Reader, info: OnnxInfo): void {
  const initializers = new Set<string>();
  const inputs: ValueInfo[] = [];
  for (const f of r.fields()) {
    if (f.field === 1) {
      const op = nodeOp(bytes, sub(bytes, f));
      setOwn(info.ops, op, (own(info.ops, op) ?? 0) + 1);
      info.nodeCount++;
    } else if (f.field === 2) info.graphName = text(bytes, f);
    else if (f.field === 5) {
      info.initializerCount++;
      for (const t of sub(bytes, f).fields()) if (t.field === 8) initializers.add(text(bytes, t));
    } else if (f.field === 11) inputs.push(valueInfo(bytes, sub(bytes, f)));
    else if (f.field === 12) info.outputs.push(valueInfo(bytes, sub(bytes, f)));
  }
  // Models from before IR 4 also list their weights as graph inputs; those are not for the user to feed.
  info.inputs = inputs.filter((input) => !initializers.has(input.name));
}

/** Reads an ONNX model's header and graph signature; throws OnnxParseError naming what is wrong and where. */
export function readOnnx(bytes: Uint8Array): OnnxInfo {
  if (bytes.length === 0) throw new OnnxParseError('the file is empty', 0);
  const info: OnnxInfo = {
    irVersion: 0, producerName: '', producerVersion: '', domain: '', modelVersion: 0, docString: '', opsets: [], metadata: {},
    graphName: '', ops: {}, nodeCount: 0, initializerCount: 0, inputs: [], outputs: [],
  };
  let hasGraph = false;
  const r = new Reader(bytes);
  for (const f of r.fields()) {
    switch (f.field) {
      case 1: info.irVersion = num(f); break;
      case 2: info.producerName = text(bytes, f); break;
      case 3: info.producerVersion = text(bytes, f); break;
      case 4: info.domain = text(bytes, f); break;
      case 5: info.modelVersion = num(f); break;
      case 6: info.docString = text(bytes, f); break;
      case 7: hasGraph = true; graph(bytes, sub(bytes, f), info); break;
      case 8: {
        const opset = { domain: '', version: 0 };
        for (const o of sub(bytes, f).fields()) {
          if (o.field === 1) opset.domain = text(bytes, o);
          else if (o.field === 2) opset.version = num(o);
        }
        info.opsets.push(opset);
        break;
      }
      case 14: {
        let key = '';
        let value = '';
        for (const p of sub(bytes, f).fields()) {
          if (p.field === 1) key = text(bytes, p);
          else if (p.field === 2) value = text(bytes, p);
        }
        setOwn(info.metadata, key, value);
        break;
      }
    }
  }
  if (!hasGraph || info.irVersion <= 0 || info.irVersion > 100) {
    throw new OnnxParseError(hasGraph ? `the IR version (${info.irVersion}) is not a valid ONNX one` : 'it has no graph', 0);
  }
  return info;
}
