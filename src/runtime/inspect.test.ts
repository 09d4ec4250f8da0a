import { describe, expect, it } from 'vitest';
import { dtypesFromFiles } from './inspect';
import { estimateMemory, supportsModelType } from './model-checks';
import { requiredFiles } from '../models/required-files';

describe('model checks', () => {
  it('reads the precisions from cached ONNX file names', () => {
    expect(dtypesFromFiles(['config.json', 'onnx/model_quantized.onnx', 'onnx/model.onnx', 'onnx/model_q4f16.onnx'])).toEqual(['fp32', 'q8', 'q4f16']);
    expect(dtypesFromFiles(['onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx'])).toEqual(['q8']);
    expect(dtypesFromFiles(['tokenizer.json'])).toEqual([]);
  });
  it('knows which architectures a pipeline can build', () => {
    expect(supportsModelType('text-classification', 'bert')).toBe(true);
    expect(supportsModelType('text-classification', 'pangu_embedded')).toBe(false);
    expect(supportsModelType('text-generation', 'llama')).toBe(true);
    expect(supportsModelType('image-classification', 'mobilenet_v2')).toBe(true);
    // AutoModel falls back to a generic encoder, so feature extraction accepts any type.
    expect(supportsModelType('feature-extraction', 'pangu_embedded')).toBe(true);
    expect(supportsModelType('background-removal', 'isnet')).toBeUndefined();
  });
  it('lists the files a pipeline needs besides the weights', () => {
    expect(requiredFiles('text-classification')).toEqual(['tokenizer.json', 'tokenizer_config.json']);
    expect(requiredFiles('object-detection')).toEqual(['preprocessor_config.json']);
  });
  it('estimates memory from the file sizes', () => {
    expect(estimateMemory([{ name: 'onnx/model.onnx', size: 1000 }, { name: 'tokenizer.json', size: 100 }, { name: 'x.json' }])).toBe(1900);
  });
});
