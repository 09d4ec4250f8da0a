// @ts-check
/**
 * Reads the parts of an ONNX file the exporter needs back: nodes, initializers (decoded to typed arrays),
 * inputs and outputs. Used to lift the weights out of a shipped model (stories260K) and to check graphs
 * in tests. Field numbers from onnx/onnx.proto. (The app's src/tasks/onnx-lab/onnx-reader.ts skips
 * tensor payloads by design; this one decodes them, in Node.) Tensors in ONNX external data are read from
 * their side files: `readModelFile` finds them next to the .onnx; `readModel` takes a reader for them.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';

/** @typedef {{ name: string, dims: number[], dataType: number, data: Float32Array | BigInt64Array | Int32Array | Uint8Array | Uint16Array }} ReadTensor */
/** @typedef {{ name: string, i?: number, f?: number, s?: string, ints?: number[], t?: ReadTensor }} ReadAttr */
/** @typedef {{ op: string, domain: string, name: string, inputs: string[], outputs: string[], attrs: Record<string, ReadAttr> }} ReadNode */
/** @typedef {{ name: string, elemType: number, shape: (number | string)[] }} ReadValue */
/** @typedef {{ nodes: ReadNode[], initializers: Map<string, ReadTensor>, inputs: ReadValue[], outputs: ReadValue[], opsets: Record<string, number> }} ReadModel */
/** Bytes `offset`…`offset + length` of the side file `location` (relative to the .onnx). @typedef {(location: string, offset: number, length: number) => Uint8Array} ExternalReader */

export class OnnxReadError extends Error {
  name = 'OnnxReadError';
}

/**
 * Each field of one protobuf message: [field number, value] where value is a bigint (varint, fixed) or
 * a subarray (length-delimited).
 * @param {Uint8Array} buf
 * @returns {[number, bigint | Uint8Array][]}
 */
export function fields(buf) {
  /** @type {[number, bigint | Uint8Array][]} */
  const out = [];
  let pos = 0;
  const varint = () => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= buf.length) throw new OnnxReadError('truncated varint');
      const b = buf[pos++];
      result |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return result;
      shift += 7n;
    }
  };
  while (pos < buf.length) {
    const key = Number(varint());
    const field = key >>> 3;
    const wire = key & 7;
    if (wire === 0) out.push([field, varint()]);
    else if (wire === 2) {
      const len = Number(varint());
      out.push([field, buf.subarray(pos, pos + len)]);
      pos += len;
    } else if (wire === 5) {
      out.push([field, BigInt(new DataView(buf.buffer, buf.byteOffset + pos, 4).getUint32(0, true))]);
      pos += 4;
    } else if (wire === 1) {
      out.push([field, new DataView(buf.buffer, buf.byteOffset + pos, 8).getBigUint64(0, true)]);
      pos += 8;
    } else throw new OnnxReadError(`unsupported wire type ${wire}`);
  }
  return out;
}

const text = (/** @type {bigint | Uint8Array} */ v) => new TextDecoder().decode(/** @type {Uint8Array} */ (v));
const num = (/** @type {bigint | Uint8Array} */ v) => Number(BigInt.asIntN(64, /** @type {bigint} */ (v)));

/** Packed or repeated varints. @param {bigint | Uint8Array} v */
function varints(v) {
  if (typeof v === 'bigint') return [BigInt.asIntN(64, v)];
  /** @type {bigint[]} */
  const out = [];
  let result = 0n;
  let shift = 0n;
  for (const b of v) {
    result |= BigInt(b & 0x7f) << shift;
    shift += 7n;
    if (!(b & 0x80)) {
      out.push(BigInt.asIntN(64, result));
      result = 0n;
      shift = 0n;
    }
  }
  return out;
}

/** A copy, so the typed array is aligned and owns its buffer. @param {Uint8Array} raw @param {number} type */
function rawToTyped(raw, type) {
  const copy = new Uint8Array(raw).buffer; // not raw.slice(): on a Node Buffer that is a view
  if (type === 1) return new Float32Array(copy);
  if (type === 7) return new BigInt64Array(copy);
  if (type === 6) return new Int32Array(copy);
  if (type === 10) return new Uint16Array(copy);
  return new Uint8Array(copy);
}

/** @param {Uint8Array} buf @param {ExternalReader} [external] @returns {ReadTensor} */
export function readTensor(buf, external) {
  /** @type {number[]} */
  const dims = [];
  let dataType = 0;
  let name = '';
  /** @type {Uint8Array | undefined} */
  let raw;
  /** @type {number[]} */
  const floats = [];
  /** @type {bigint[]} */
  const int64s = [];
  /** @type {Record<string, string>} external_data entries: location, offset, length */
  const where = {};
  let isExternal = false;
  for (const [f, v] of fields(buf)) {
    if (f === 1) dims.push(...varints(v).map(Number));
    else if (f === 2) dataType = num(v);
    else if (f === 8) name = text(v);
    else if (f === 9) raw = /** @type {Uint8Array} */ (v);
    else if (f === 4 && v instanceof Uint8Array) floats.push(...new Float32Array(new Uint8Array(v).buffer));
    else if (f === 7) int64s.push(...varints(v));
    else if (f === 13) {
      const [[, k] = [0, new Uint8Array()], [, value] = [0, new Uint8Array()]] = fields(/** @type {Uint8Array} */ (v));
      where[text(k)] = text(value);
    } else if (f === 14) isExternal = num(v) === 1;
  }
  if (isExternal) raw = externalBytes(name, where, external);
  const data = raw ? rawToTyped(raw, dataType) : dataType === 7 ? BigInt64Array.from(int64s) : Float32Array.from(floats);
  return { name, dims, dataType, data };
}

/** @param {string} name @param {Record<string, string>} where @param {ExternalReader} [external] */
function externalBytes(name, where, external) {
  if (!external) throw new OnnxReadError(`tensor ${name} is in external data (${where.location}): read the model with readModelFile, next to its data`);
  if (!where.location || where.length === undefined) throw new OnnxReadError(`tensor ${name}: external data without a location and length`);
  const bytes = external(where.location, Number(where.offset ?? 0), Number(where.length));
  if (bytes.length !== Number(where.length)) throw new OnnxReadError(`tensor ${name}: ${where.location} ends before offset ${where.offset} + ${where.length}`);
  return bytes;
}

/** @param {Uint8Array} buf @returns {ReadAttr} */
function readAttr(buf) {
  /** @type {ReadAttr} */
  const attr = { name: '' };
  for (const [f, v] of fields(buf)) {
    if (f === 1) attr.name = text(v);
    else if (f === 2) attr.f = new Float32Array(new Uint32Array([Number(v)]).buffer)[0];
    else if (f === 3) attr.i = num(v);
    else if (f === 4) attr.s = text(v);
    else if (f === 5) attr.t = readTensor(/** @type {Uint8Array} */ (v));
    else if (f === 8) (attr.ints ??= []).push(...varints(v).map(Number));
  }
  return attr;
}

/** @param {Uint8Array} buf @returns {ReadNode} */
function readNode(buf) {
  /** @type {ReadNode} */
  const node = { op: '', domain: '', name: '', inputs: [], outputs: [], attrs: {} };
  for (const [f, v] of fields(buf)) {
    if (f === 1) node.inputs.push(text(v));
    else if (f === 2) node.outputs.push(text(v));
    else if (f === 3) node.name = text(v);
    else if (f === 4) node.op = text(v);
    else if (f === 7) node.domain = text(v);
    else if (f === 5) {
      const a = readAttr(/** @type {Uint8Array} */ (v));
      node.attrs[a.name] = a;
    }
  }
  return node;
}

/** @param {Uint8Array} buf @returns {ReadValue} */
function readValue(buf) {
  /** @type {ReadValue} */
  const value = { name: '', elemType: 0, shape: [] };
  for (const [f, v] of fields(buf)) {
    if (f === 1) value.name = text(v);
    if (f !== 2) continue;
    const tensorType = fields(/** @type {Uint8Array} */ (v)).find(([k]) => k === 1)?.[1];
    for (const [k, t] of fields(/** @type {Uint8Array} */ (tensorType ?? new Uint8Array()))) {
      if (k === 1) value.elemType = num(t);
      if (k !== 2) continue;
      for (const [, d] of fields(/** @type {Uint8Array} */ (t))) {
        const [[kind, dv] = [0, 0n]] = fields(/** @type {Uint8Array} */ (d));
        value.shape.push(kind === 1 ? num(dv) : kind === 2 ? text(dv) : '?');
      }
    }
  }
  return value;
}

/** @param {Uint8Array} bytes @param {ExternalReader} [external] for tensors in external data @returns {ReadModel} */
export function readModel(bytes, external) {
  /** @type {ReadModel} */
  const model = { nodes: [], initializers: new Map(), inputs: [], outputs: [], opsets: {} };
  for (const [f, v] of fields(bytes)) {
    if (f === 8) {
      const entries = fields(/** @type {Uint8Array} */ (v));
      const domain = entries.find(([k]) => k === 1)?.[1];
      model.opsets[domain ? text(domain) : ''] = num(entries.find(([k]) => k === 2)?.[1] ?? 0n);
    }
    if (f !== 7) continue;
    for (const [g, gv] of fields(/** @type {Uint8Array} */ (v))) {
      const body = /** @type {Uint8Array} */ (gv);
      if (g === 1) model.nodes.push(readNode(body));
      else if (g === 5) {
        const t = readTensor(body, external);
        model.initializers.set(t.name, t);
      } else if (g === 11) model.inputs.push(readValue(body));
      else if (g === 12) model.outputs.push(readValue(body));
    }
  }
  return model;
}

/**
 * Reads an .onnx file, following its external data to the side files in the same folder (by byte range:
 * a side file can pass Node's 2 GiB Buffer limit; one tensor cannot).
 * @param {string} file @returns {ReadModel}
 */
export function readModelFile(file) {
  const dir = path.dirname(file);
  /** @type {Map<string, number>} */
  const open = new Map();
  try {
    return readModel(readFileSync(file), (location, offset, length) => {
      const target = path.resolve(dir, location);
      if (path.relative(dir, target).startsWith('..')) throw new OnnxReadError(`external data ${location} is outside the model's folder`);
      let fd = open.get(target);
      if (fd === undefined) open.set(target, (fd = openSync(target, 'r')));
      const out = new Uint8Array(length);
      let got = 0;
      for (let n = 1; got < length && n > 0; got += n) n = readSync(fd, out, got, length - got, offset + got);
      return out.subarray(0, got);
    });
  } finally {
    for (const fd of open.values()) closeSync(fd);
  }
}
