import { InvalidInputError } from '../../protocol/errors';
import { createSeq2SeqRunner, type Seq2SeqPipe, type Seq2SeqRequest } from '../shared/seq2seq-run';
import { requireText } from '../shared/worker-input';
import type { WorkerInput } from './types';

/** The language codes of a many-to-many tokenizer (NLLB, M2M100, mBART-50); undefined for one-direction models. */
function languageCodes(pipe: Seq2SeqPipe): string[] | undefined {
  const codes = (pipe.tokenizer as unknown as { language_codes?: unknown }).language_codes;
  return Array.isArray(codes) && codes.length > 0 ? (codes as string[]) : undefined;
}

function checkCode(codes: string[], code: string | undefined, which: 'source' | 'target'): void {
  if (code === undefined || codes.includes(code)) return;
  throw new InvalidInputError(
    `The ${which} language “${code}” is not one this model knows.`,
    `It knows ${codes.length} language codes, such as ${codes.slice(0, 6).join(', ')}.`,
  );
}

function request(input: WorkerInput, pipe: Seq2SeqPipe): Seq2SeqRequest {
  const { text: rawText, src_lang, tgt_lang } = input;
  const text = requireText(rawText, 'text to translate').trim();
  const codes = languageCodes(pipe);
  // A one-direction model (opus-mt, T5 with its prefix) ignores language codes.
  if (!codes) return { text };
  if (!tgt_lang) {
    throw new InvalidInputError('This model translates between many languages and needs a target language.', 'Pick the source and target languages.');
  }
  checkCode(codes, src_lang, 'source');
  checkCode(codes, tgt_lang, 'target');
  if (src_lang === tgt_lang) throw new InvalidInputError('The source and target languages are the same.', 'Pick two different languages.');
  return { text, options: { src_lang, tgt_lang } };
}

export default createSeq2SeqRunner({
  request,
  warmupOptions(pipe) {
    const codes = languageCodes(pipe);
    if (!codes) return {};
    const english = codes.find((code) => /^(eng_Latn|en|en_XX)$/.test(code)) ?? codes[0];
    return { src_lang: english, tgt_lang: codes.find((code) => code !== english) ?? english };
  },
});
