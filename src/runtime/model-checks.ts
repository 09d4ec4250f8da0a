import {
  AutoModel,
  AutoModelForCausalLM,
  AutoModelForDepthEstimation,
  AutoModelForImageClassification,
  AutoModelForImageTextToText,
  AutoModelForMaskedLM,
  AutoModelForObjectDetection,
  AutoModelForQuestionAnswering,
  AutoModelForSeq2SeqLM,
  AutoModelForSequenceClassification,
  AutoModelForTokenClassification,
  AutoModelForZeroShotObjectDetection,
} from '@huggingface/transformers';
import { own } from '../protocol/own';

interface ModelFamily {
  supports(modelType: string): boolean;
}

// The model classes Transformers.js' pipelines pick from (SUPPORTED_TASKS in its pipelines/index.js,
// which is not exported). Pipelines missing here are not checked ahead of loading.
const PIPELINE_MODELS: Record<string, ModelFamily> = {
  'text-classification': AutoModelForSequenceClassification,
  'zero-shot-classification': AutoModelForSequenceClassification,
  'token-classification': AutoModelForTokenClassification,
  'question-answering': AutoModelForQuestionAnswering,
  'fill-mask': AutoModelForMaskedLM,
  summarization: AutoModelForSeq2SeqLM,
  translation: AutoModelForSeq2SeqLM,
  'text2text-generation': AutoModelForSeq2SeqLM,
  'text-generation': AutoModelForCausalLM,
  'feature-extraction': AutoModel,
  'image-classification': AutoModelForImageClassification,
  'object-detection': AutoModelForObjectDetection,
  'zero-shot-object-detection': AutoModelForZeroShotObjectDetection,
  'depth-estimation': AutoModelForDepthEstimation,
  // Not a Transformers.js pipeline: the app builds it (runtime/image-text-pipeline.ts).
  'image-text-to-text': AutoModelForImageTextToText,
};

/** Whether this Transformers.js can build a model of this type for the pipeline; undefined when unknown. */
export function supportsModelType(pipeline: string, modelType: string | undefined): boolean | undefined {
  const family = own(PIPELINE_MODELS, pipeline);
  if (!family || !modelType) return undefined;
  return family.supports(modelType);
}

/**
 * A rough estimate of the memory a loaded model takes: onnxruntime holds the weights plus its
 * working arenas (about 1.5× the ONNX files), and parsed JSON (tokenizers) takes about 4× its size.
 */
export function estimateMemory(files: readonly { name: string; size?: number }[]): number {
  let bytes = 0;
  for (const file of files) {
    const size = file.size ?? 0;
    bytes += file.name.endsWith('.json') ? size * 4 : size * 1.5;
  }
  return Math.round(bytes);
}
