import type { TaskView } from '../types';
import type { Seq2SeqOutput } from '../shared/seq2seq-run';
import { StreamedOutput, reduceStreamedText } from '../shared/Seq2SeqView';
import { languageProblem, translationRequest } from './languages';
import { TranslationInput, currentTranslationModel, type TranslationInputValue } from './TranslationInput';

const view: TaskView<TranslationInputValue, Seq2SeqOutput> = {
  defaultInput: { text: 'The house is small.', src: 'en', tgt: 'fr' },
  validate: (input) => (input.text.trim() ? languageProblem(currentTranslationModel(), input.src, input.tgt) : 'Type some text to translate.'),
  prepare: async (input) => translationRequest(currentTranslationModel(), input),
  reducePartial: reduceStreamedText,
  Input: TranslationInput,
  Output: ({ output, partial }) => <StreamedOutput output={output} partial={partial} title="Translation" />,
};
export default view as TaskView;
