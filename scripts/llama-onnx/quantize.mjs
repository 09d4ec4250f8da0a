// @ts-check
/**
 * Weight formats for the exporter's precisions, and their inverses (for the round-trip tests).
 * Weights come in as PyTorch Linear layout: `w[n * K + k]`, N outputs × K inputs.
 *  - fp16: IEEE half bits (Uint16Array), round to nearest even.
 *  - q8: 8-bit, symmetric, one scale per output column, stored as uint8 around a zero point of 128 (Q8_ZERO),
 *    K × N for MatMulInteger's B. Unsigned weights against DynamicQuantizeLinear's unsigned activations (u8u8):
 *    onnxruntime's x86 kernel for u8 × s8 multiplies with VPMADDUBSW, whose int16 pair sums saturate on CPUs
 *    without AVX-VNNI (an AMD EPYC here put q8 logits 25 % of their spread off fp32); u8 × u8 does not.
 *  - q4: onnxruntime's MatMulNBits layout (com.microsoft, bits 4): per output row n, blocks of `block`
 *    inputs, two 4-bit values per byte (low nibble first), one float scale and one 4-bit zero point per
 *    block; the last block is zero-padded when K is not a multiple of it.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** @param {number} value */
export function toHalf(value) {
  f32[0] = value;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    let m = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    if (rest > half || (rest === half && m & 1)) m++;
    return sign | m;
  }
  let h = sign | (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && h & 1)) h++; // a carry into the exponent is still right
  return h;
}

/** @param {number} h */
export function fromHalf(h) {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** @param {Float32Array} w */
export const toHalfArray = (w) => Uint16Array.from(w, toHalf);

/** The uint8 that stands for 0 in a q8 weight. */
export const Q8_ZERO = 128;

/** @param {Float32Array} w @param {number} n @param {number} k */
export function quantizeQ8(w, n, k) {
  const q = new Uint8Array(k * n);
  const scales = new Float32Array(n);
  for (let row = 0; row < n; row++) {
    let max = 0;
    for (let i = 0; i < k; i++) max = Math.max(max, Math.abs(w[row * k + i]));
    const scale = max / 127 || 1;
    scales[row] = scale;
    for (let i = 0; i < k; i++) q[i * n + row] = Math.round(w[row * k + i] / scale) + Q8_ZERO;
  }
  return { q, scales };
}

/** Back to N × K floats. @param {{ q: Uint8Array, scales: Float32Array }} q8 @param {number} n @param {number} k */
export function dequantizeQ8({ q, scales }, n, k) {
  const w = new Float32Array(n * k);
  for (let row = 0; row < n; row++) for (let i = 0; i < k; i++) w[row * k + i] = (q[i * n + row] - Q8_ZERO) * scales[row];
  return w;
}

/** @param {Float32Array} w @param {number} n @param {number} k @param {number} [block] */
export function quantizeQ4(w, n, k, block = 32) {
  const blocks = Math.ceil(k / block);
  const packed = new Uint8Array(n * blocks * (block / 2));
  const scales = new Float32Array(n * blocks);
  const zeroBytes = Math.ceil(blocks / 2);
  const zeros = new Uint8Array(n * zeroBytes);
  for (let row = 0; row < n; row++) {
    for (let b = 0; b < blocks; b++) {
      const from = row * k + b * block;
      const end = row * k + Math.min(k, (b + 1) * block);
      // 0 stays exactly representable (the zero-padded tail and sparse rows), as in onnxruntime's quantizer.
      let min = 0;
      let max = 0;
      for (let i = from; i < end; i++) {
        min = Math.min(min, w[i]);
        max = Math.max(max, w[i]);
      }
      const scale = (max - min) / 15 || 1;
      const zp = Math.min(15, Math.max(0, Math.round(-min / scale)));
      scales[row * blocks + b] = scale;
      zeros[row * zeroBytes + (b >> 1)] |= zp << ((b & 1) * 4);
      const out = (row * blocks + b) * (block / 2);
      for (let i = 0; i < block; i++) {
        const value = from + i < end ? w[from + i] : 0;
        const q = Math.min(15, Math.max(0, Math.round(value / scale) + zp));
        packed[out + (i >> 1)] |= q << ((i & 1) * 4);
      }
    }
  }
  return { packed, scales, zeros, blocks };
}

/** Back to N × K floats. @param {ReturnType<typeof quantizeQ4>} q4 @param {number} n @param {number} k @param {number} [block] */
export function dequantizeQ4({ packed, scales, zeros, blocks }, n, k, block = 32) {
  const w = new Float32Array(n * k);
  const zeroBytes = Math.ceil(blocks / 2);
  for (let row = 0; row < n; row++) {
    for (let i = 0; i < k; i++) {
      const b = Math.floor(i / block);
      const j = i % block;
      const q = (packed[(row * blocks + b) * (block / 2) + (j >> 1)] >> ((j & 1) * 4)) & 15;
      const zp = (zeros[row * zeroBytes + (b >> 1)] >> ((b & 1) * 4)) & 15;
      w[row * k + i] = (q - zp) * scales[row * blocks + b];
    }
  }
  return w;
}
