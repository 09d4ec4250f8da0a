import type { ImageValue } from '../../ui/kit/ImageInput/image-value';
import type { ImageInput } from './worker-input';

/** What an image task's input edits: a picked, dropped, sampled or linked picture (none yet: undefined). */
export type ImageTaskInput = ImageValue | undefined;
/** What the worker receives for it (imagePayload): the bytes, never a URL. */
export type ImagePayload = ImageInput | undefined;
