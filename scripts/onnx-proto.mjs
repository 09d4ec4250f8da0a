// @ts-check
/**
 * The project's one ONNX protobuf writer (no python/onnx package here): the warm-up and test models in
 * src/runtime/tiny-onnx.ts, the captioning fixture and the Llama/BERT exporter in scripts/llama-onnx/.
 * A message is kept as a list of byte chunks, so a 500 MB weight is referenced, never copied into a
 * number[]: `toBytes` joins small models, `chunksOf` lets a writer stream big ones to disk.
 * Field numbers from onnx/onnx.proto. Browser-safe (no Node imports): the worker bundles it.
 */

/** @typedef {{ chunks: Uint8Array[], length: number }} Pb */

/** @param {number | bigint} value */
function varint(value) {
  let v = BigInt.asUintN(64, BigInt(value));
  /** @type {number[]} */
  const out = [];
  while (v > 0x7fn) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

/** @param {number[]} bytes @returns {Pb} */
const small = (bytes) => ({ chunks: [Uint8Array.from(bytes)], length: bytes.length });
/** @param {Pb[]} parts @returns {Pb} */
export const cat = (...parts) => ({ chunks: parts.flatMap((p) => p.chunks), length: parts.reduce((n, p) => n + p.length, 0) });
/** @param {number} field @param {number} wire */
const key = (field, wire) => varint((field << 3) | wire);
/** @param {number} field @param {number | bigint} value */
export const int = (field, value) => small([...key(field, 0), ...varint(value)]);
/** @param {number} field @param {Uint8Array | Pb} body */
export const bytes = (field, body) => {
  const pb = body instanceof Uint8Array ? { chunks: [body], length: body.length } : body;
  return cat(small([...key(field, 2), ...varint(pb.length)]), pb);
};
/** @param {number} field @param {string} text */
export const str = (field, text) => bytes(field, new TextEncoder().encode(text));
/** @param {number} field @param {number} value */
export const float32 = (field, value) => {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setFloat32(0, value, true);
  return cat(small(key(field, 5)), { chunks: [out], length: 4 });
};

/** @param {Pb} pb */
export function toBytes(pb) {
  const out = new Uint8Array(pb.length);
  let at = 0;
  for (const c of pb.chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// ---- ONNX ----
export const ELEM = /** @type {const} */ ({ FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, BOOL: 9, FLOAT16: 10 });

/** @typedef {Float32Array | BigInt64Array | Int32Array | Int8Array | Uint8Array | Uint16Array} TensorData */

/** @param {TensorData} data */
export function elemTypeOf(data) {
  if (data instanceof Float32Array) return ELEM.FLOAT;
  if (data instanceof BigInt64Array) return ELEM.INT64;
  if (data instanceof Int32Array) return ELEM.INT32;
  if (data instanceof Int8Array) return ELEM.INT8;
  if (data instanceof Uint16Array) return ELEM.FLOAT16; // the only 16-bit type written: IEEE half bits
  return ELEM.UINT8;
}

/**
 * A TensorProto; the data is referenced as raw_data, not copied (little-endian hosts).
 * @param {string} name @param {number[]} dims @param {TensorData} data
 */
export function tensor(name, dims, data) {
  const raw = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return cat(...dims.map((d) => int(1, d)), int(2, elemTypeOf(data)), str(8, name), bytes(9, raw));
}

/**
 * A TensorProto whose bytes live in a side file (ONNX external data): data_location EXTERNAL (14 = 1) and the
 * `location`, `offset`, `length` entries (StringStringEntryProto, field 13) onnxruntime reads.
 * @param {string} name @param {number[]} dims @param {number} elemType
 * @param {{ location: string, offset: number, length: number }} where `location` relative to the .onnx file
 */
export function externalTensor(name, dims, elemType, { location, offset, length }) {
  const entry = (/** @type {string} */ k, /** @type {string} */ v) => bytes(13, cat(str(1, k), str(2, v)));
  return cat(...dims.map((d) => int(1, d)), int(2, elemType), str(8, name), entry('location', location), entry('offset', String(offset)), entry('length', String(length)), int(14, 1));
}

/** A ValueInfoProto; numbers are fixed sizes, strings symbolic (dim_param). @param {string} name @param {number} elemType @param {(number | string)[]} shape */
export function valueInfo(name, elemType, shape) {
  const dims = cat(...shape.map((d) => bytes(1, typeof d === 'number' ? int(1, d) : str(2, d))));
  return cat(str(1, name), bytes(2, bytes(1, cat(int(1, elemType), bytes(2, dims)))));
}

// AttributeProto: name, then the value and its AttributeType (1 FLOAT, 2 INT, 3 STRING, 4 TENSOR, 7 INTS).
/** @param {string} name @param {number} value */
export const attrInt = (name, value) => cat(str(1, name), int(3, value), int(20, 2));
/** @param {string} name @param {number} value */
export const attrFloat = (name, value) => cat(str(1, name), float32(2, value), int(20, 1));
/** @param {string} name @param {number[]} values */
export const attrInts = (name, values) => cat(str(1, name), ...values.map((v) => int(8, v)), int(20, 7));
/** @param {string} name @param {Pb} value a `tensor(...)` */
export const attrTensor = (name, value) => cat(str(1, name), bytes(5, value), int(20, 4));

/**
 * A NodeProto, named after its first output (names must be unique; outputs are).
 * @param {string} op @param {string[]} inputs @param {string[]} outputs @param {Pb[]} [attrs] @param {string} [domain]
 */
export function node(op, inputs, outputs, attrs = [], domain = '') {
  return cat(
    ...inputs.map((i) => str(1, i)),
    ...outputs.map((o) => str(2, o)),
    str(3, `${op}_${outputs[0]}`),
    str(4, op),
    ...attrs.map((a) => bytes(5, a)),
    ...(domain ? [str(7, domain)] : []),
  );
}

/**
 * A ModelProto (IR version 8).
 * @param {{ name: string, nodes: Pb[], initializers?: Pb[], inputs: Pb[], outputs: Pb[], opsets?: Record<string, number>, producer?: string, producerVersion?: string }} g
 */
export function model(g) {
  const graph = cat(
    ...g.nodes.map((n) => bytes(1, n)),
    str(2, g.name),
    ...(g.initializers ?? []).map((t) => bytes(5, t)),
    ...g.inputs.map((v) => bytes(11, v)),
    ...g.outputs.map((v) => bytes(12, v)),
  );
  const opsets = Object.entries(g.opsets ?? { '': 13 }).map(([domain, version]) => bytes(8, cat(...(domain ? [str(1, domain)] : []), int(2, version))));
  const version = g.producerVersion ? [str(3, g.producerVersion)] : [];
  return cat(int(1, 8), str(2, g.producer ?? 'model-playground'), ...version, bytes(7, graph), ...opsets);
}
