import type { RawImage } from '@huggingface/transformers';
import { CancelledError, InvalidInputError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import type { Chunk, Output, PicturePayload, QueryPayload, WorkerInput } from './types';
import { requireImage, warmupImage } from '../shared/worker-input';
import { QUERY_IMAGE_MISSING, QUERY_PICTURE_PREFIX, QUERY_TEXT_EMPTY, embeddingFrom, normalise, picturesProblem, pruneIndex, rankPictures } from './gallery';
import { attachTextTower, embedText, hasTextTower, type ImagePipe } from './text-tower';

type Tensorish = { dims: number[]; data: Float32Array };
/** The image-feature-extraction pipeline, as this task calls it: its processor and model, not its _call (see embedImage). */
type Pipe = ImagePipe & {
  processor(image: RawImage): Promise<{ pixel_values: unknown }>;
  model: ImagePipe['model'] & ((inputs: { pixel_values: unknown }) => Promise<Record<string, Tensorish>>);
};

/** The pictures' unit vectors by content key, one index per loaded model (a new model never sees another's vectors). */
const indexes = new WeakMap<object, Map<string, number[]>>();

/**
 * The picture's unit embedding. The pipeline's own call returns last_hidden_state when the model gives it, which
 * for CLIP is not the projected image_embeds the text tower shares a space with.
 */
async function embedImage(pipe: Pipe, image: RawImage): Promise<number[]> {
  const { pixel_values } = await pipe.processor(image);
  return normalise(embeddingFrom(await pipe.model({ pixel_values })));
}

function readRequest(input: WorkerInput): { pictures: PicturePayload[]; query: QueryPayload } {
  const pictures = (Array.isArray(input.pictures) ? input.pictures : []).filter((p) => p && typeof p.key === 'string' && p.image instanceof Blob);
  const problem = picturesProblem(pictures.length);
  if (problem) throw new InvalidInputError(problem, 'Pick several pictures at once, or a whole folder.');
  const query = input.query;
  if (query?.kind === 'text') {
    const text = typeof query.text === 'string' ? query.text.trim() : '';
    if (!text) throw new InvalidInputError(QUERY_TEXT_EMPTY);
    return { pictures, query: { kind: 'text', text } };
  }
  if (query?.kind !== 'picture' || !(query.image instanceof Blob)) throw new InvalidInputError(QUERY_IMAGE_MISSING);
  return { pictures, query };
}

async function decodePicture(picture: PicturePayload): Promise<RawImage> {
  try {
    return await requireImage(picture);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(`“${picture.name}” in the pictures could not be read: ${why}`, 'Remove it from the set, or use a PNG, JPEG, WebP or GIF copy.');
  }
}

async function decodeQuery(query: Extract<QueryPayload, { kind: 'picture' }>): Promise<RawImage> {
  try {
    return await requireImage(query);
  } catch {
    throw new InvalidInputError(`${QUERY_PICTURE_PREFIX} “${query.name}” could not be decoded as an image.`, 'Use a PNG, JPEG, WebP or GIF picture.');
  }
}

const runner: TaskRunner<WorkerInput, Output, Chunk, Pipe> = {
  attach: (pipe, ctx) => attachTextTower(pipe, ctx),
  async warmup(pipe) {
    await embedImage(pipe, warmupImage(32));
    if (hasTextTower(pipe)) await embedText(pipe, 'a photo');
  },
  async run({ pipe, input, interrupted, emit }) {
    const { pictures, query } = readRequest(input);
    const index = indexes.get(pipe) ?? new Map<string, number[]>();
    indexes.set(pipe, index);
    pruneIndex(index, pictures.map((p) => p.key));
    let embedded = 0;
    for (const [i, picture] of pictures.entries()) {
      if (interrupted()) throw new CancelledError('Stopped by the user.', 'The pictures indexed so far are kept: the next run goes on from there.');
      if (!index.has(picture.key)) {
        index.set(picture.key, await embedImage(pipe, await decodePicture(picture)));
        embedded += 1;
      }
      emit({ done: i + 1, total: pictures.length });
    }
    const vector =
      query.kind === 'text'
        ? await embedText(pipe, query.text)
        : await embedImage(pipe, await decodeQuery(query));
    const hits = rankPictures(vector, pictures.map((p) => index.get(p.key)!), pictures.map((p) => p.name));
    const output: Output = {
      query: query.kind === 'text' ? { kind: 'text', text: query.text } : { kind: 'picture', name: query.name },
      hits,
      total: pictures.length,
      dims: vector.length,
      embedded,
      textTower: hasTextTower(pipe),
    };
    return { output };
  },
};
export default runner;
