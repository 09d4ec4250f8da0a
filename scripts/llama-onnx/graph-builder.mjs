// @ts-check
/**
 * A small ONNX graph builder on top of scripts/onnx-proto.mjs: nodes named in order, constants
 * deduplicated by name, and one `linear` that writes a weight in the chosen precision.
 */
import { attrInt, attrInts, ELEM, model, node, tensor, valueInfo } from '../onnx-proto.mjs';
import { Q8_ZERO, quantizeQ4, quantizeQ8, toHalfArray } from './quantize.mjs';

/** @typedef {'fp32' | 'fp16' | 'q8' | 'q4'} Precision */
/** @typedef {import('../onnx-proto.mjs').Pb} Pb */
/** @typedef {import('../onnx-proto.mjs').TensorData} TensorData */

/** The file Transformers.js loads for each dtype (its DEFAULT_DTYPE_SUFFIX_MAPPING). */
export const FILE_OF = /** @type {const} */ ({ fp32: 'model.onnx', fp16: 'model_fp16.onnx', q8: 'model_quantized.onnx', q4: 'model_q4.onnx' });
export const Q4_BLOCK = 32;

export class GraphBuilder {
  /** @param {Precision} precision */
  constructor(precision) {
    this.precision = precision;
    /** @type {Pb[]} */ this.nodes = [];
    /** @type {import('./external-data.mjs').TensorSpec[]} kept unencoded until `build`, which places them */ this.tensors = [];
    /** @type {Set<string>} */ this.constants = new Set();
    /** @type {Map<string, string[]>} activations quantized once per input (q8) */
    this.quantized = new Map();
    this.count = 0;
  }

  /** An initializer (written once per name). @param {string} name @param {number[]} dims @param {TensorData} data */
  constant(name, dims, data) {
    if (!this.constants.has(name)) {
      this.constants.add(name);
      this.tensors.push({ name, dims, data });
    }
    return name;
  }

  /** @param {number[]} values */
  ints(...values) {
    return this.constant(`i64[${values.join(',')}]`, [values.length], BigInt64Array.from(values.map(BigInt)));
  }

  /** @param {number} value */
  scalar(value) {
    return this.constant(`f32(${value})`, [], Float32Array.of(value));
  }

  /**
   * Adds a node; returns its output names (`outputs` of them, or the given names).
   * @param {string} op @param {string[]} inputs @param {{ attrs?: Pb[], outputs?: number | string[], domain?: string }} [options]
   */
  ops(op, inputs, { attrs = [], outputs = 1, domain = '' } = {}) {
    const id = ++this.count;
    const names = typeof outputs === 'number' ? Array.from({ length: outputs }, (_, i) => `${op.toLowerCase()}_${id}${i ? `_${i}` : ''}`) : outputs;
    this.nodes.push(node(op, inputs, names, attrs, domain));
    return names;
  }

  /** One-output `ops`. @param {string} op @param {string[]} inputs @param {{ attrs?: Pb[], name?: string, domain?: string }} [options] */
  op(op, inputs, { attrs, name, domain } = {}) {
    return this.ops(op, inputs, { attrs, domain, outputs: name ? [name] : 1 })[0];
  }

  /**
   * x · Wᵀ (+ b) for a PyTorch-layout weight `w` (N outputs × K inputs), stored in this graph's precision.
   * @param {string} x @param {string} name @param {Float32Array} w @param {number} n @param {number} k @param {Float32Array} [bias]
   */
  linear(x, name, w, n, k, bias) {
    const y = this.precision === 'q4' ? this.#q4(x, name, w, n, k) : this.precision === 'q8' ? this.#q8(x, name, w, n, k) : this.#float(x, name, w, n, k);
    return bias ? this.op('Add', [y, this.constant(`${name}.bias`, [n], bias)]) : y;
  }

  /** @param {string} x @param {string} name @param {Float32Array} w @param {number} n @param {number} k */
  #float(x, name, w, n, k) {
    const t = new Float32Array(k * n);
    for (let row = 0; row < n; row++) for (let i = 0; i < k; i++) t[i * n + row] = w[row * k + i];
    return this.op('MatMul', [x, this.weight(`${name}.weight_t`, [k, n], t)]);
  }

  /** A float weight: fp32, or fp16 bits cast up once (onnxruntime folds the Cast at load). @param {string} name @param {number[]} dims @param {Float32Array} w */
  weight(name, dims, w) {
    if (this.precision !== 'fp16') return this.constant(name, dims, w);
    return this.op('Cast', [this.constant(`${name}_fp16`, dims, toHalfArray(w))], { attrs: [attrInt('to', ELEM.FLOAT)] });
  }

  /** @param {string} x @param {string} name @param {Float32Array} w @param {number} n @param {number} k */
  #q8(x, name, w, n, k) {
    const { q, scales } = quantizeQ8(w, n, k);
    let quantized = this.quantized.get(x);
    if (!quantized) {
      quantized = this.ops('DynamicQuantizeLinear', [x], { outputs: 3 });
      this.quantized.set(x, quantized);
    }
    const [xq, xScale, xZero] = quantized;
    const acc = this.op('MatMulInteger', [xq, this.constant(`${name}.weight_q8`, [k, n], q), xZero, this.constant('u8(128)', [], Uint8Array.of(Q8_ZERO))]);
    const scaled = this.op('Mul', [this.op('Cast', [acc], { attrs: [attrInt('to', ELEM.FLOAT)] }), xScale]);
    return this.op('Mul', [scaled, this.constant(`${name}.weight_scale`, [n], scales)]);
  }

  /** @param {string} x @param {string} name @param {Float32Array} w @param {number} n @param {number} k */
  #q4(x, name, w, n, k) {
    const { packed, scales, zeros, blocks } = quantizeQ4(w, n, k, Q4_BLOCK);
    const inputs = [
      x,
      this.constant(`${name}.weight_q4`, [n, blocks, Q4_BLOCK / 2], packed),
      this.constant(`${name}.weight_scales`, [n * blocks], scales),
      this.constant(`${name}.weight_zeros`, [zeros.length], zeros),
    ];
    const attrs = [attrInt('K', k), attrInt('N', n), attrInt('bits', 4), attrInt('block_size', Q4_BLOCK)];
    return this.op('MatMulNBits', inputs, { attrs, domain: 'com.microsoft' });
  }

  /** @param {string} x @param {number[]} perm */
  transpose(x, perm) {
    return this.op('Transpose', [x], { attrs: [attrInts('perm', perm)] });
  }

  /**
   * The finished ModelProto. `place` encodes the initializers: inline by default, or into external data
   * (external-data.mjs DataPlacer).
   * @param {{ name: string, inputs: [string, number, (number | string)[]][], outputs: [string, number, (number | string)[]][] }} io
   * @param {(tensors: import('./external-data.mjs').TensorSpec[]) => Pb[]} [place]
   */
  build({ name, inputs, outputs }, place = (tensors) => tensors.map((t) => tensor(t.name, t.dims, t.data))) {
    const opsets = { '': 17, ...(this.precision === 'q4' ? { 'com.microsoft': 1 } : {}) };
    return model({
      name,
      nodes: this.nodes,
      initializers: place(this.tensors),
      inputs: inputs.map(([n, type, shape]) => valueInfo(n, type, shape)),
      outputs: outputs.map(([n, type, shape]) => valueInfo(n, type, shape)),
      opsets,
      producer: 'model-playground llama-onnx',
    });
  }
}
