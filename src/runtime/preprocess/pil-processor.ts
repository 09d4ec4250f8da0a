/**
 * Puts Python's preprocessing into a Transformers.js pipeline: the pipeline's image processor keeps its own
 * `_call` (batching, extra outputs such as DETR's pixel mask) and post-processing, but each image goes through
 * processor-steps.ts (Pillow's resampling, Python's size and crop rules) instead of canvas `drawImage`.
 */
import { Tensor } from '@huggingface/transformers';
import { resizeAndCrop, toRgb, toTensorData, unsupportedReason, type ProcessorConfig } from './processor-steps';

/** What a pipeline's image processor looks like to us (the parts we read and replace). */
interface ImageProcessorLike {
  config?: ProcessorConfig;
  preprocess?: (image: ImageLike, overrides?: Record<string, unknown>) => Promise<unknown>;
}

interface ImageLike {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels: number;
}

/** Which preprocessing a pipeline uses: 'python' (these rules), or Transformers.js' own and why. */
export type PreprocessingKind = { kind: 'python' } | { kind: 'transformers.js'; reason: string } | null;

function imageProcessorOf(pipe: unknown): ImageProcessorLike | undefined {
  const processor = (pipe as { processor?: { image_processor?: ImageProcessorLike } & ImageProcessorLike } | null)?.processor;
  if (!processor) return undefined;
  if (processor.image_processor) return processor.image_processor;
  return typeof processor.preprocess === 'function' ? processor : undefined;
}

/** One image as the Python processor prepares it: what ImageProcessor.preprocess returns in Transformers.js. */
export function preprocessLikePython(image: ImageLike, config: ProcessorConfig) {
  const rgb = toRgb(image);
  const ready = resizeAndCrop(rgb, config);
  const { data, dims } = toTensorData(ready, config);
  return {
    original_size: [image.height, image.width] as [number, number],
    reshaped_input_size: [ready.height, ready.width] as [number, number],
    pixel_values: new Tensor('float32', data, dims),
  };
}

/**
 * Replaces the pipeline's per-image preprocessing with Python's when its config is one we reproduce.
 * Returns which preprocessing the pipeline now uses (null: not an image pipeline).
 */
export function usePythonPreprocessing(pipe: unknown): PreprocessingKind {
  const processor = imageProcessorOf(pipe);
  if (!processor?.config || typeof processor.preprocess !== 'function') return null;
  const reason = unsupportedReason(processor.config);
  if (reason) return { kind: 'transformers.js', reason };
  const config = processor.config;
  const own = processor.preprocess.bind(processor);
  processor.preprocess = async (image, overrides) => {
    // Callers that override steps per call (SAM, Nougat…) keep Transformers.js' path.
    if (overrides && Object.values(overrides).some((v) => v !== null && v !== undefined)) return own(image, overrides);
    return preprocessLikePython(image, config);
  };
  return { kind: 'python' };
}
