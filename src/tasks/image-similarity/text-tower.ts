// CLIP's text tower, loaded beside the image pipeline (TaskRunner.attach) so a picture set can be searched by text.
// The image-feature-extraction pipeline loads only the vision tower (onnx/vision_model*.onnx).
import { AutoTokenizer, CLIPTextModelWithProjection } from '@huggingface/transformers';
import { InvalidInputError } from '../../protocol/errors';
import type { AttachContext } from '../types';
import { NO_TEXT_TOWER, embeddingFrom, normalise } from './gallery';

interface TextTower {
  tokenizer: (texts: string[], options: { padding: boolean; truncation: boolean }) => Record<string, unknown>;
  model: { (inputs: Record<string, unknown>): Promise<Record<string, { dims: number[]; data: Float32Array }>>; dispose(): Promise<unknown> };
}

/** What the runner reads of the image pipeline. */
export interface ImagePipe {
  model: { config?: { model_type?: string } };
  dispose(): Promise<void>;
}

const towers = new WeakMap<object, TextTower>();
/** Why a CLIP model has no usable text tower (its files are missing, say), for the message a text query gets. */
const missing = new WeakMap<object, string>();

export function hasTextTower(pipe: object): boolean {
  return towers.has(pipe);
}

/** Loads CLIP's tokenizer and text_model next to the vision pipeline; other model types have no text tower. */
export async function attachTextTower(pipe: ImagePipe, { model, options }: AttachContext): Promise<void> {
  if (pipe.model.config?.model_type !== 'clip') return;
  let tower: TextTower;
  try {
    const [tokenizer, text] = await Promise.all([
      AutoTokenizer.from_pretrained(model, { revision: options.revision, progress_callback: options.progress_callback }),
      CLIPTextModelWithProjection.from_pretrained(model, options as never),
    ]);
    tower = { tokenizer: tokenizer as unknown as TextTower['tokenizer'], model: text as unknown as TextTower['model'] };
  } catch (error) {
    // Pictures can still be searched by picture: the reason is kept for a text query.
    missing.set(pipe, error instanceof Error ? error.message : String(error));
    return;
  }
  towers.set(pipe, tower);
  const disposeVision = pipe.dispose.bind(pipe);
  pipe.dispose = async () => {
    towers.delete(pipe);
    await tower.model.dispose();
    await disposeVision();
  };
}

/** The text's unit-length CLIP embedding; a clear message when the model has no text tower. */
export async function embedText(pipe: ImagePipe, text: string): Promise<number[]> {
  const tower = towers.get(pipe);
  if (!tower) {
    const type = pipe.model.config?.model_type ?? 'unknown';
    const why = missing.get(pipe);
    throw new InvalidInputError(
      `${NO_TEXT_TOWER}: ${why ? `its text tower did not load (${why})` : `a "${type}" model embeds pictures only`}.`,
      'Search by picture, or pick a CLIP model (e.g. Xenova/clip-vit-base-patch32), whose text tower puts words and pictures in one space.',
    );
  }
  const inputs = tower.tokenizer([text], { padding: true, truncation: true });
  const outputs = await tower.model(inputs);
  return normalise(embeddingFrom({ image_embeds: outputs.text_embeds }));
}
