// Image similarity's pure parts: which embedding a model's outputs give, normalisation, ranking and the input
// checks (both threads and the unit tests).
import { rankByCosine } from '../shared/vectors';
import { formatCount } from '../../ui/format';

export const MAX_PICTURES = 500;
export const NO_PICTURES = 'Add some pictures to search first (Add pictures, or Add a folder).';
export const QUERY_IMAGE_MISSING = 'Choose a picture to search with.';
export const QUERY_TEXT_EMPTY = 'Type what to look for, e.g. “a cat on a sofa”.';
/** Every "this model cannot read text" message starts so, so the view can put it next to the text field. */
export const NO_TEXT_TOWER = 'This model cannot search by text';
export const QUERY_PICTURE_PREFIX = 'The query picture';

interface TensorLike {
  dims: readonly number[];
  data: ArrayLike<number | bigint>;
}

/**
 * The one vector a vision model's outputs give for one picture: CLIP's projected `image_embeds`, else a
 * `pooler_output`, else the first token (CLS) of `last_hidden_state`.
 */
export function embeddingFrom(outputs: Record<string, TensorLike | undefined>): number[] {
  const pick = outputs.image_embeds ?? outputs.pooler_output;
  if (pick) return Array.from(pick.data, Number).slice(0, pick.dims[pick.dims.length - 1]);
  const states = outputs.last_hidden_state;
  if (states && states.dims.length === 3) return Array.from(states.data, Number).slice(0, states.dims[2]);
  throw new Error(`The model gave none of image_embeds, pooler_output or last_hidden_state (it gave ${Object.keys(outputs).join(', ') || 'nothing'}).`);
}

/** The vector scaled to length 1 (all zeros stays all zeros). */
export function normalise(vector: readonly number[]): number[] {
  const length = Math.hypot(...vector);
  return length === 0 ? [...vector] : vector.map((v) => v / length);
}

/** The pictures best first by cosine similarity to the query, each with its position and name. */
export function rankPictures(query: readonly number[], vectors: readonly (readonly number[])[], names: readonly string[]) {
  return rankByCosine(query, vectors).map(({ index, score }) => ({ index, score, name: names[index] }));
}

/** Why these pictures cannot be indexed, or undefined. */
export function picturesProblem(count: number): string | undefined {
  if (count === 0) return NO_PICTURES;
  if (count > MAX_PICTURES) return `${formatCount(count)} pictures is more than this page indexes at once (${MAX_PICTURES}). Remove some first.`;
  return undefined;
}

/** Drops vectors whose picture is no longer in the set, so the index holds only what is being searched. */
export function pruneIndex(index: Map<string, number[]>, keep: readonly string[]): void {
  const wanted = new Set(keep);
  for (const key of [...index.keys()]) if (!wanted.has(key)) index.delete(key);
}
