// Both threads use this: the worker checks a Hub model before loading, the UI checks a folder picked from disk.
const TOKENIZER_FILES = ['tokenizer.json', 'tokenizer_config.json'];
const PROCESSOR_FILES = ['preprocessor_config.json'];
// image-feature-extraction is vision-only: a CLIP's text tower and tokenizer are optional extras (image-similarity).
const VISION = new Set(['image-classification', 'object-detection', 'image-segmentation', 'depth-estimation', 'background-removal', 'image-to-image', 'image-feature-extraction']);
const MULTIMODAL = new Set(['zero-shot-image-classification', 'zero-shot-object-detection', 'image-to-text', 'image-text-to-text']);

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
