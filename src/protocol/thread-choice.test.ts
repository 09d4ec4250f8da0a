import { describe, expect, it } from 'vitest';
import { ONE_THREAD_DECODER_BYTES, threadsFor } from './thread-choice';

const plan = (sizes: Record<string, number | undefined>, device: 'wasm' | 'webgpu' = 'wasm') => ({
  device,
  files: Object.entries(sizes).map(([name, size]) => ({ name, size, cached: false })),
});

describe('threads per model', () => {
  it('runs a small decoder on one thread, a large one on all allowed', () => {
    expect(threadsFor('text-generation', plan({ 'onnx/model.onnx': 1_228_390, 'tokenizer.json': 50_000_000 }), 4)).toBe(1);
    expect(threadsFor('text-generation', plan({ 'onnx/model_q4.onnx': 1_000_000, 'onnx/model_q4.onnx_data': ONE_THREAD_DECODER_BYTES }), 4)).toBe(4);
  });

  it('keeps the cap for other pipelines, WebGPU and unknown sizes', () => {
    expect(threadsFor('image-classification', plan({ 'onnx/model.onnx': 1000 }), 2)).toBe(2);
    expect(threadsFor('text-generation', plan({ 'onnx/model.onnx': 1000 }, 'webgpu'), 2)).toBe(2);
    expect(threadsFor('text-generation', plan({ 'onnx/model.onnx': undefined }), 2)).toBe(2);
    expect(threadsFor('text-generation', undefined, 2)).toBe(2);
  });
});
