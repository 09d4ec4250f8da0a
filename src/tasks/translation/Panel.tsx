import type { TaskView } from '../types';
import { StreamedOutput, reduceStreamedText } from '../shared/Seq2SeqView';
import { languageProblem, translationRequest } from './languages';
import { TranslationInput } from './TranslationInput';
import type { Chunk, Input, Output, Streamed, WorkerInput } from './types';

const view: TaskView<Input, Output, Streamed, WorkerInput, Chunk> = {
  defaultInput: { text: 'The house is small.', src: 'en', tgt: 'fr' },
  validate: (input, { model }) => (input.text.trim() ? languageProblem(model, input.src, input.tgt) : 'Type some text to translate.'),
  prepare: async (input, { model }) => translationRequest(model, input),
  reducePartial: reduceStreamedText,
  Input: TranslationInput,
  Output: ({ output, partial }) => <StreamedOutput output={output} partial={partial} title="Translation" />,
};
export default view;
