import { describe, expect, it } from 'vitest';
import { dtypesOfFiles } from './cached-report';

describe('dtypesOfFiles', () => {
  it('reads precisions from cached ONNX file names, decoder and encoder files included', () => {
    const base = 'http://127.0.0.1:8089/org/m/resolve/main/';
    expect(dtypesOfFiles([`${base}config.json`, `${base}onnx/model_quantized.onnx`]).sort()).toEqual(['q8']);
    expect(dtypesOfFiles([`${base}onnx/model.onnx`, `${base}onnx/model_q4f16.onnx`, `${base}onnx/model_q4.onnx`]).sort()).toEqual(['fp32', 'q4', 'q4f16']);
    expect(dtypesOfFiles([`${base}onnx/encoder_model_fp16.onnx`, `${base}onnx/decoder_model_merged_fp16.onnx`])).toEqual(['fp16']);
    expect(dtypesOfFiles([`${base}tokenizer.json`])).toEqual([]);
  });
});
