import { ImageInput } from '../../ui/components/ImageInput/ImageInput';
import { imagePayload, sampleImage, type ImageValue } from '../../ui/components/ImageInput/image-value';

/** The input half of every image task's view: a default sample, validation and the worker payload. */
export const imageInputView = {
  defaultInput: sampleImage('coffee.png') as ImageValue | undefined,
  validate: (input: ImageValue | undefined) => (input ? undefined : 'Choose an image first.'),
  prepare: (input: ImageValue | undefined) => imagePayload(input),
  Input: ImageInput,
};
