import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageProblem, languagesFor, translationMode, translationRequest } from './languages';

describe('translationMode', () => {
  it('gives NLLB, M2M100 and mBART-50 models language pickers', () => {
    expect(translationMode('Xenova/nllb-200-distilled-600M')).toEqual({ kind: 'languages', family: 'nllb' });
    expect(translationMode('Xenova/m2m100_418M')).toEqual({ kind: 'languages', family: 'm2m100' });
    expect(translationMode('Xenova/mbart-large-50-many-to-many-mmt')).toEqual({ kind: 'languages', family: 'mbart50' });
  });
  it('treats opus-mt models as one fixed direction, named from the id', () => {
    expect(translationMode('Xenova/opus-mt-en-de')).toEqual({ kind: 'fixed', direction: 'English → German' });
    expect(translationMode('Helsinki-NLP/opus-mt-fr-en')).toEqual({ kind: 'fixed', direction: 'French → English' });
    expect(translationMode('Xenova/opus-mt-en-xyz')).toEqual({ kind: 'fixed', direction: 'English → xyz' });
  });
  it('gives T5 models (t5-small, flan-t5, the tiny test T5) the English → German prefix', () => {
    for (const id of ['Xenova/t5-small', 'Xenova/flan-t5-small', 'Xenova/LaMini-Flan-T5-248M', 'tiny-random/t5-text2text']) {
      expect(translationMode(id)).toMatchObject({ kind: 'prefix', prefix: 'translate English to German: ' });
    }
  });
  it('does not mistake other ids for T5 and falls back to a fixed direction', () => {
    expect(translationMode('google/mt5-small')).toEqual({ kind: 'fixed' });
    expect(translationMode('org/some-model')).toEqual({ kind: 'fixed' });
    // Only the name counts, not the organisation.
    expect(translationMode('nllb-fans/opus-mt-en-de').kind).toBe('fixed');
  });
});

describe('translationRequest', () => {
  const input = { text: '  The house is small. ', src: 'en', tgt: 'fr' };
  it('passes NLLB and M2M100 codes as src_lang / tgt_lang', () => {
    expect(translationRequest('Xenova/nllb-200-distilled-600M', input)).toEqual({ text: 'The house is small.', src_lang: 'eng_Latn', tgt_lang: 'fra_Latn' });
    expect(translationRequest('Xenova/m2m100_418M', input)).toEqual({ text: 'The house is small.', src_lang: 'en', tgt_lang: 'fr' });
  });
  it('prefixes T5 input and leaves opus-mt input alone', () => {
    expect(translationRequest('Xenova/t5-small', input)).toEqual({ text: 'translate English to German: The house is small.' });
    expect(translationRequest('Xenova/opus-mt-en-de', input)).toEqual({ text: 'The house is small.' });
  });
});

describe('languages', () => {
  it('has unique keys and an NLLB and M2M100 code for each language', () => {
    expect(new Set(LANGUAGES.map((l) => l.key)).size).toBe(LANGUAGES.length);
    for (const l of LANGUAGES) {
      expect(l.codes.nllb).toMatch(/^[a-z]{3}_[A-Z][a-z]{3}$/);
      expect(l.codes.m2m100).toMatch(/^[a-z]{2}$/);
    }
    expect(languagesFor('mbart50').length).toBeLessThan(LANGUAGES.length);
  });
  it('asks for two different supported languages only when the model has pickers', () => {
    expect(languageProblem('Xenova/nllb-200-distilled-600M', 'en', 'en')).toMatch(/two different/);
    expect(languageProblem('Xenova/mbart-large-50-many-to-many-mmt', 'en', 'el')).toMatch(/supports/);
    expect(languageProblem('Xenova/nllb-200-distilled-600M', 'en', 'de')).toBeUndefined();
    expect(languageProblem('Xenova/opus-mt-en-de', 'en', 'en')).toBeUndefined();
  });
});
