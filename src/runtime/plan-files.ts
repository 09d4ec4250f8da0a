import { ModelRegistry, type PipelineType } from '@huggingface/transformers';
import type { Device, Dtype, LoadSpec } from '../protocol/messages';
import { IMAGE_TEXT_PIPELINE, imageTextFiles } from './image-text-pipeline';

/**
 * The files a load of this spec fetches, for the plan's sizes and cache marks. Transformers.js lists a model's
 * files from its config's architecture, so for a CLIP repo (config: CLIPModel) it names `onnx/model*.onnx`, while
 * the image-feature-extraction pipeline loads CLIPVisionModelWithProjection, which reads `onnx/vision_model*.onnx`;
 * image-similarity also loads the text tower and its tokenizer next to it (tasks/image-similarity/text-tower.ts).
 */
export async function planFileNames(spec: LoadSpec, modelType: string | undefined, options: { dtype: Dtype; device: Device }): Promise<string[]> {
  // No Transformers.js pipeline: the processor and model the runtime builds itself (image-text-pipeline.ts).
  if (spec.pipeline === IMAGE_TEXT_PIPELINE) return imageTextFiles(spec.model, { ...options, revision: spec.revision });
  const pipeline = spec.pipeline as PipelineType;
  if (pipeline !== 'image-feature-extraction' || modelType !== 'clip') return ModelRegistry.get_pipeline_files(pipeline, spec.model, options as never);
  const vision = await ModelRegistry.get_pipeline_files(pipeline, spec.model, { ...options, model_file_name: 'vision_model' } as never);
  if (spec.task !== 'image-similarity') return vision;
  const text = await ModelRegistry.get_model_files(spec.model, { ...options, model_file_name: 'text_model' } as never);
  return [...vision, ...text, 'tokenizer.json', 'tokenizer_config.json'];
}
