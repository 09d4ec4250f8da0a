// Transformers.js 4.3.1 has no `image-text-to-text` pipeline (SUPPORTED_TASKS in its pipelines/index.js), so
// vision-language models (SmolVLM / Idefics3, Florence-2) are built here from their processor and model, with the
// same options (device, precision, revision, progress) a pipeline would pass. The runner drives generation.
import { AutoModelForImageTextToText, AutoProcessor, ModelRegistry } from '@huggingface/transformers';
import type { Device, Dtype, LoadSpec } from '../protocol/messages';

export const IMAGE_TEXT_PIPELINE = 'image-text-to-text';

/** What the image-text-to-text runner receives as its pipe. */
export interface ImageTextPipe {
  processor: Awaited<ReturnType<typeof AutoProcessor.from_pretrained>>;
  model: Awaited<ReturnType<typeof AutoModelForImageTextToText.from_pretrained>>;
  /** The processor's tokenizer, where the shared streaming and context helpers look for it. */
  tokenizer: unknown;
  dispose(): Promise<void>;
}

interface Options {
  device: Device;
  dtype: Dtype;
  onProgress(info: unknown): void;
}

export async function createImageTextPipe(spec: LoadSpec, { device, dtype, onProgress }: Options): Promise<ImageTextPipe> {
  const common = { revision: spec.revision, progress_callback: onProgress };
  // One after the other: the progress tracker reaches "compile" only when the model's files have arrived.
  const processor = await AutoProcessor.from_pretrained(spec.model, common);
  const model = await AutoModelForImageTextToText.from_pretrained(spec.model, { ...common, device, dtype });
  return { processor, model, tokenizer: (processor as { tokenizer?: unknown }).tokenizer, dispose: async () => void (await model.dispose()) };
}

/** The files a load fetches: the model's sessions for this precision, its tokenizer and its processor files. */
export function imageTextFiles(model: string, options: { dtype: Dtype; device: Device; revision: string }): Promise<string[]> {
  return ModelRegistry.get_files(model, { ...options, include_tokenizer: true, include_processor: true });
}
