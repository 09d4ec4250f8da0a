// Turns the UI's feed descriptions into onnxruntime tensors, checking each against what the model declares,
// so a wrong shape or type is reported by input name before onnxruntime sees it.
import { InvalidInputError } from '../../protocol/errors';
import type { FeedPayload } from './lab-types';
import { formatShape } from './onnx-reader';

export interface DeclaredInput {
  name: string;
  type?: string;
  /** Numbers are fixed, strings symbolic, and -1/null unknown. */
  shape?: readonly (number | string | null)[];
}

export interface TensorSpec {
  type: string;
  data: ArrayLike<number> | BigInt64Array | BigUint64Array | ArrayLike<boolean>;
  dims: number[];
}


export function checkShape(input: DeclaredInput, dims: readonly number[]): void {
  if (!dims.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new InvalidInputError(`Input "${input.name}": the shape ${formatShape(dims)} must be whole numbers.`);
  }
  const declared = input.shape;
  if (!declared || declared.length === 0 && dims.length === 0) return;
  const expected = formatShape(declared);
  if (declared.length !== dims.length) {
    throw new InvalidInputError(
      `Input "${input.name}" expects shape ${expected} (${declared.length} dimensions) but was given ${formatShape(dims)} (${dims.length}).`,
      'Edit the shape to match the model.',
    );
  }
  const bad = declared.findIndex((d, i) => typeof d === 'number' && d >= 0 && d !== dims[i]);
  if (bad >= 0) {
    throw new InvalidInputError(
      `Input "${input.name}" expects shape ${expected} but was given ${formatShape(dims)}: dimension ${bad} must be ${declared[bad]}, not ${dims[bad]}.`,
      'Edit the shape to match the model; only symbolic dimensions (names) may vary.',
    );
  }
}

function halfBits(value: number): number {
  const f = new Float32Array([value]);
  const x = new Uint32Array(f.buffer)[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = ((x >>> 23) & 0xff) - 127 + 15;
  if (exp <= 0) return sign;
  if (exp >= 31) return sign | 0x7c00;
  return sign | (exp << 10) | ((x >>> 13) & 0x3ff);
}

/** Random values suited to the type: floats in [0, 1), integers in [0, 10), booleans. */
function randomValue(type: string): number {
  if (type.startsWith('float')) return Math.random();
  if (type === 'bool') return Math.random() < 0.5 ? 0 : 1;
  return Math.floor(Math.random() * 10);
}

function typed(type: string, values: ArrayLike<number>, name: string): TensorSpec['data'] {
  switch (type) {
    case 'float32': return Float32Array.from(values);
    case 'float64': return Float64Array.from(values);
    case 'float16': return Uint16Array.from(values, halfBits);
    case 'int32': return Int32Array.from(values, Math.round);
    case 'uint32': return Uint32Array.from(values, Math.round);
    case 'int16': return Int16Array.from(values, Math.round);
    case 'uint16': return Uint16Array.from(values, Math.round);
    case 'int8': return Int8Array.from(values, Math.round);
    case 'uint8': return Uint8Array.from(values, Math.round);
    case 'int64': return BigInt64Array.from(Array.from(values, (v) => BigInt(Math.round(v))));
    case 'uint64': return BigUint64Array.from(Array.from(values, (v) => BigInt(Math.max(0, Math.round(v)))));
    case 'bool': return Uint8Array.from(values, (v) => (v ? 1 : 0));
    default:
      throw new InvalidInputError(`Input "${name}" has type ${type}, which the lab cannot build values for.`);
  }
}

export function buildTensor(input: DeclaredInput, feed: FeedPayload | undefined): TensorSpec {
  if (!feed) throw new InvalidInputError(`Input "${input.name}" has no value.`, 'Choose random, image or JSON values for it.');
  const type = input.type ?? 'float32';
  checkShape(input, feed.dims);
  const size = feed.dims.reduce((a, b) => a * b, 1);
  if (size > 256 * 1024 * 1024) throw new InvalidInputError(`Input "${input.name}": ${formatShape(feed.dims)} is ${size} values, too many to build here.`);
  let values: ArrayLike<number>;
  if (feed.source === 'random') values = Array.from({ length: size }, () => randomValue(type));
  else {
    values = feed.values ?? [];
    if (values.length !== size) {
      throw new InvalidInputError(
        `Input "${input.name}": shape ${formatShape(feed.dims)} needs ${size} values but ${values.length} were given.`,
        'Make the values and the shape agree.',
      );
    }
  }
  return { type, data: typed(type, values, input.name), dims: [...feed.dims] };
}
