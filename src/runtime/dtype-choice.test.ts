import { describe, expect, it } from 'vitest';
import { resolveDtype } from './dtype-choice';
import { DtypeUnavailableError } from '../protocol/errors';

const wasm = { device: 'wasm' as const, shaderF16: false };

describe('resolveDtype', () => {
  it('keeps an explicit choice the model has', () => {
    expect(resolveDtype('fp32', ['fp32', 'q8'], wasm)).toBe('fp32');
  });
  it('rejects an explicit choice the model lacks, listing what it has', () => {
    expect(() => resolveDtype('q4', ['fp32'], wasm)).toThrow(DtypeUnavailableError);
    try {
      resolveDtype('q4', ['fp32'], wasm);
    } catch (error) {
      expect((error as DtypeUnavailableError).hint).toContain('fp32');
    }
  });
  it('follows the dtype the model config asks for', () => {
    expect(resolveDtype('auto', ['fp32', 'q8'], { ...wasm, configDtype: 'fp32' })).toBe('fp32');
  });
  it('prefers quantized weights on WASM and half precision on a GPU with shader-f16', () => {
    expect(resolveDtype('auto', ['fp32', 'fp16', 'q8'], wasm)).toBe('q8');
    expect(resolveDtype('auto', ['fp32', 'fp16', 'q8'], { device: 'webgpu', shaderF16: true })).toBe('fp16');
    expect(resolveDtype('auto', ['fp32', 'fp16', 'q8'], { device: 'webgpu', shaderF16: false })).toBe('fp32');
  });
});
