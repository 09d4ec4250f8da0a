import type { FunctionComponent } from 'react';
import { ImageInput } from '../../ui/kit/ImageInput/ImageInput';
import { imagePayload, sampleImage } from '../../ui/kit/ImageInput/image-value';
import type { InputProps } from '../types';
import type { ImagePayload, ImageTaskInput } from './image-contract';

/** The input half of every image task's view: a default sample, validation and the worker payload. */
export const imageInputView: {
  defaultInput: ImageTaskInput;
  validate(input: ImageTaskInput): string | undefined;
  prepare(input: ImageTaskInput): Promise<ImagePayload>;
  Input: FunctionComponent<InputProps<ImageTaskInput, unknown, ImagePayload>>;
} = {
  defaultInput: sampleImage('coffee.png'),
  validate: (input) => (input ? undefined : 'Choose an image first.'),
  prepare: (input) => imagePayload(input),
  Input: ImageInput,
};
