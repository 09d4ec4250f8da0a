// @ts-check
/**
 * ONNX external data: a model's large initializers written to side files next to the .onnx, so a model
 * past protobuf's 2 GiB limit (openPangu-Embedded-1B in fp16 or fp32) can still be written and loaded.
 * Files are named as Transformers.js 4.3.1 fetches them (utils/model-loader.js getExternalDataChunkNames):
 * `model_fp16.onnx_data`, then `model_fp16.onnx_data_1`, `_2`… and config.json's
 * `transformers.js_config.use_external_data_format` maps each .onnx file to its number of chunks.
 */
import { cat, elemTypeOf, externalTensor, tensor } from '../onnx-proto.mjs';

/** @typedef {import('../onnx-proto.mjs').Pb} Pb */
/** @typedef {{ name: string, dims: number[], data: import('../onnx-proto.mjs').TensorData }} TensorSpec */
/** @typedef {{ name: string, pb: Pb }} DataChunk */

/** Above this many bytes of weights a model is written with external data (protobuf refuses 2 GiB; room for the graph). */
export const EXTERNAL_ABOVE_BYTES = Math.floor(1.8 * 2 ** 30);
/**
 * Largest side file. In the browser Transformers.js fetches each chunk whole into one ArrayBuffer, which
 * Chromium caps near 2 GiB, so data past that is split into `_data_1`, `_data_2`… (a tensor never spans two).
 */
export const DATA_CHUNK_BYTES = EXTERNAL_ABOVE_BYTES;
/** Tensors under 1 KiB stay inside the .onnx (scalars, shapes), as onnx's own converter does. */
const INLINE_BELOW_BYTES = 1024;

/**
 * Offsets as onnx's convert_model_to_external_data(align_offset=True) writes them: tensors of 1 MiB or
 * more start on a 64 KiB boundary (the allocation granularity onnxruntime maps files with on Windows),
 * others on a 4 KiB page; every offset is then a multiple of any element size.
 * @param {number} offset @param {number} length
 */
function aligned(offset, length) {
  const to = length >= 2 ** 20 ? 65536 : 4096;
  return Math.ceil(offset / to) * to;
}

/** The side file names for one .onnx file. @param {string} fileName @param {number} count */
export const chunkNames = (fileName, count) => Array.from({ length: count }, (_, i) => `${fileName}_data${i ? `_${i}` : ''}`);

/**
 * Lays a graph's initializers out for one .onnx file. `mode` 'auto' keeps everything inline unless the
 * weights pass `EXTERNAL_ABOVE_BYTES`; 'always' writes external data whatever the size (tests, `--external-data`).
 * After `place`, `chunks` holds the side files to write (empty when inline).
 */
export class DataPlacer {
  /** @param {string} fileName the .onnx file's name, e.g. model_fp16.onnx @param {{ mode?: 'auto' | 'always', chunkBytes?: number }} [options] */
  constructor(fileName, { mode = 'auto', chunkBytes = DATA_CHUNK_BYTES } = {}) {
    this.fileName = fileName;
    this.mode = mode;
    this.chunkBytes = chunkBytes;
    /** @type {DataChunk[]} */ this.chunks = [];
  }

  /** The TensorProtos for the graph (inline or pointing into `chunks`). @param {TensorSpec[]} tensors @returns {Pb[]} */
  place = (tensors) => {
    const total = tensors.reduce((n, t) => n + t.data.byteLength, 0);
    if (this.mode === 'auto' && total <= EXTERNAL_ABOVE_BYTES) return tensors.map((t) => tensor(t.name, t.dims, t.data));
    /** @type {{ parts: Pb[], length: number }[]} */
    const files = [];
    const protos = tensors.map((t) => {
      const length = t.data.byteLength;
      if (length < INLINE_BELOW_BYTES) return tensor(t.name, t.dims, t.data);
      let file = files.at(-1);
      if (!file || (file.length > 0 && aligned(file.length, length) + length > this.chunkBytes)) {
        file = { parts: [], length: 0 };
        files.push(file);
      }
      const offset = aligned(file.length, length);
      if (offset > file.length) file.parts.push({ chunks: [new Uint8Array(offset - file.length)], length: offset - file.length });
      file.parts.push({ chunks: [new Uint8Array(t.data.buffer, t.data.byteOffset, length)], length });
      file.length = offset + length;
      const location = chunkNames(this.fileName, files.length)[files.length - 1];
      return externalTensor(t.name, t.dims, elemTypeOf(t.data), { location, offset, length });
    });
    const names = chunkNames(this.fileName, files.length);
    this.chunks = files.map((f, i) => ({ name: names[i], pb: cat(...f.parts) }));
    return protos;
  };
}
