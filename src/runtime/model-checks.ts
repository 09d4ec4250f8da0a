import {
  AutoModel,
  AutoModelForCausalLM,
  AutoModelForDepthEstimation,
  AutoModelForImageClassification,
  AutoModelForMaskedLM,
  AutoModelForObjectDetection,
  AutoModelForQuestionAnswering,
  AutoModelForSeq2SeqLM,
  AutoModelForSequenceClassification,
  AutoModelForTokenClassification,
} from '@huggingface/transformers';

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
  'depth-estimation': AutoModelForDepthEstimation,
};

/** Whether this Transformers.js can build a model of this type for the pipeline; undefined when unknown. */
export function supportsModelType(pipeline: string, modelType: string | undefined): boolean | undefined {
  const family = PIPELINE_MODELS[pipeline];
  if (!family || !modelType) return undefined;
  return family.supports(modelType);
}

const TOKENIZER_FILES = ['tokenizer.json', 'tokenizer_config.json'];
const PROCESSOR_FILES = ['preprocessor_config.json'];
const VISION = new Set(['image-classification', 'object-detection', 'image-segmentation', 'depth-estimation', 'background-removal', 'image-to-image']);
const MULTIMODAL = new Set(['zero-shot-image-classification', 'zero-shot-object-detection', 'image-to-text', 'image-feature-extraction']);

/**
 * Files a pipeline cannot work without besides config.json and the weights. Transformers.js silently
 * builds a pipeline without a tokenizer when tokenizer_config.json is missing, which then fails at the
 * first run with an unhelpful message, so these are checked before loading.
 */
export function requiredFiles(pipeline: string): string[] {
  if (VISION.has(pipeline)) return PROCESSOR_FILES;
  if (MULTIMODAL.has(pipeline)) return [...TOKENIZER_FILES, ...PROCESSOR_FILES];
  return TOKENIZER_FILES;
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
