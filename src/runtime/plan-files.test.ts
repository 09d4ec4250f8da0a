import { describe, expect, it, vi } from 'vitest';

// Transformers.js' own listing, as it answers for a CLIP repo: files named after the config's architecture
// (CLIPModel → onnx/model*), unless a model file name is given.
vi.mock('@huggingface/transformers', () => ({
  ModelRegistry: {
    get_pipeline_files: vi.fn(async (_task: string, _model: string, { model_file_name = 'model' }: { model_file_name?: string }) => [
      'config.json',
      `onnx/${model_file_name}_quantized.onnx`,
      'preprocessor_config.json',
    ]),
    get_files: vi.fn(async (_model: string, { include_tokenizer, include_processor }: { include_tokenizer?: boolean; include_processor?: boolean }) => [
      'config.json',
      'onnx/decoder_model_merged_quantized.onnx',
      ...(include_tokenizer ? ['tokenizer.json'] : []),
      ...(include_processor ? ['preprocessor_config.json'] : []),
    ]),
    get_model_files: vi.fn(async (_model: string, { model_file_name = 'model' }: { model_file_name?: string }) => ['config.json', `onnx/${model_file_name}_quantized.onnx`]),
  },
}));

const { planFileNames } = await import('./plan-files');
const spec = (task: string, pipeline: string) =>
  ({ task, pipeline, model: 'Xenova/clip-vit-base-patch32', host: 'https://huggingface.co/', revision: 'main', device: 'auto', dtype: 'auto' }) as const;
const options = { dtype: 'q8', device: 'wasm' } as const;

describe('the files a plan quotes', () => {
  it("names CLIP's vision tower for image features, and its text tower and tokenizer for image similarity", async () => {
    expect(await planFileNames(spec('image-similarity', 'image-feature-extraction'), 'clip', options)).toEqual([
      'config.json',
      'onnx/vision_model_quantized.onnx',
      'preprocessor_config.json',
      'config.json',
      'onnx/text_model_quantized.onnx',
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
  });
  it("leaves other models and pipelines to Transformers.js' listing", async () => {
    expect(await planFileNames(spec('image-similarity', 'image-feature-extraction'), 'dinov2', options)).toContain('onnx/model_quantized.onnx');
    expect(await planFileNames(spec('zero-shot-image-classification', 'zero-shot-image-classification'), 'clip', options)).toContain('onnx/model_quantized.onnx');
  });
  it('lists a vision-language model with its tokenizer and processor files (no Transformers.js pipeline to ask)', async () => {
    expect(await planFileNames(spec('image-text-to-text', 'image-text-to-text'), 'idefics3', options)).toEqual([
      'config.json',
      'onnx/decoder_model_merged_quantized.onnx',
      'tokenizer.json',
      'preprocessor_config.json',
    ]);
  });
});
