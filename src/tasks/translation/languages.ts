// Which language controls a translation model needs, decided from its id (pure; unit-tested).

export type LanguageFamily = 'nllb' | 'm2m100' | 'mbart50';

export type TranslationMode =
  /** Many-to-many models: source and target pickers, passed as src_lang / tgt_lang codes. */
  | { kind: 'languages'; family: LanguageFamily }
  /** T5: one direction, chosen by a prompt prefix. */
  | { kind: 'prefix'; prefix: string; direction: string }
  /** One direction per model (opus-mt) or unknown: the text goes in as it is. */
  | { kind: 'fixed'; direction?: string };

export interface Language {
  key: string;
  name: string;
  codes: Partial<Record<LanguageFamily, string>>;
}

const lang = (key: string, name: string, nllb: string, mbart50?: string): Language => ({
  key,
  name,
  codes: { nllb, m2m100: key, ...(mbart50 ? { mbart50 } : {}) },
});

/** A curated set; each model family names the same language with its own code. */
export const LANGUAGES: Language[] = [
  lang('en', 'English', 'eng_Latn', 'en_XX'),
  lang('fr', 'French', 'fra_Latn', 'fr_XX'),
  lang('de', 'German', 'deu_Latn', 'de_DE'),
  lang('es', 'Spanish', 'spa_Latn', 'es_XX'),
  lang('it', 'Italian', 'ita_Latn', 'it_IT'),
  lang('pt', 'Portuguese', 'por_Latn', 'pt_XX'),
  lang('nl', 'Dutch', 'nld_Latn', 'nl_XX'),
  lang('pl', 'Polish', 'pol_Latn', 'pl_PL'),
  lang('sv', 'Swedish', 'swe_Latn', 'sv_SE'),
  lang('fi', 'Finnish', 'fin_Latn', 'fi_FI'),
  lang('el', 'Greek', 'ell_Grek'),
  lang('ru', 'Russian', 'rus_Cyrl', 'ru_RU'),
  lang('uk', 'Ukrainian', 'ukr_Cyrl', 'uk_UA'),
  lang('tr', 'Turkish', 'tur_Latn', 'tr_TR'),
  lang('ar', 'Arabic', 'arb_Arab', 'ar_AR'),
  lang('he', 'Hebrew', 'heb_Hebr', 'he_IL'),
  lang('hi', 'Hindi', 'hin_Deva', 'hi_IN'),
  lang('bn', 'Bengali', 'ben_Beng', 'bn_IN'),
  lang('zh', 'Chinese (Simplified)', 'zho_Hans', 'zh_CN'),
  lang('ja', 'Japanese', 'jpn_Jpan', 'ja_XX'),
  lang('ko', 'Korean', 'kor_Hang', 'ko_KR'),
  lang('vi', 'Vietnamese', 'vie_Latn', 'vi_VN'),
  lang('id', 'Indonesian', 'ind_Latn', 'id_ID'),
  lang('sw', 'Swahili', 'swh_Latn', 'sw_KE'),
];

const T5_PREFIX = 'translate English to German: ';

/** Decides from the model id alone (the UI must know before the model is loaded). */
export function translationMode(modelId: string): TranslationMode {
  const name = modelId.trim().split('/').pop() ?? '';
  if (/nllb/i.test(name)) return { kind: 'languages', family: 'nllb' };
  if (/m2m[-_]?100/i.test(name)) return { kind: 'languages', family: 'm2m100' };
  if (/mbart.*50/i.test(name)) return { kind: 'languages', family: 'mbart50' };
  const opus = /opus-mt-([a-z]{2,3}(?:_[a-z]+)?)-([a-z]{2,3}(?:_[a-z]+)?)(?![a-z])/i.exec(name);
  if (opus) return { kind: 'fixed', direction: `${nameOf(opus[1])} → ${nameOf(opus[2])}` };
  if (/(^|[^a-z0-9])(flan-)?t5([^a-z0-9]|$)/i.test(name)) return { kind: 'prefix', prefix: T5_PREFIX, direction: 'English → German' };
  return { kind: 'fixed' };
}

function nameOf(key: string): string {
  return LANGUAGES.find((l) => l.key === key.toLowerCase())?.name ?? key;
}

/** The languages a family can pick from (those with a code for it). */
export function languagesFor(family: LanguageFamily): Language[] {
  return LANGUAGES.filter((l) => l.codes[family]);
}

export function languageCode(family: LanguageFamily, key: string): string | undefined {
  return LANGUAGES.find((l) => l.key === key)?.codes[family];
}

/** What the worker receives for a translation. */
export interface TranslationRequest {
  text: string;
  src_lang?: string;
  tgt_lang?: string;
}

/** The UI's input (text + language keys) turned into the pipeline's text and language codes for a model. */
export function translationRequest(modelId: string, input: { text: string; src: string; tgt: string }): TranslationRequest {
  const mode = translationMode(modelId);
  const text = input.text.trim();
  if (mode.kind === 'prefix') return { text: `${mode.prefix}${text}` };
  if (mode.kind === 'fixed') return { text };
  return { text, src_lang: languageCode(mode.family, input.src), tgt_lang: languageCode(mode.family, input.tgt) };
}

/** A message when the pickers' choice cannot be translated, else undefined. */
export function languageProblem(modelId: string, src: string, tgt: string): string | undefined {
  const mode = translationMode(modelId);
  if (mode.kind !== 'languages') return undefined;
  if (!languageCode(mode.family, src) || !languageCode(mode.family, tgt)) return 'Pick a source and a target language this model supports.';
  if (src === tgt) return 'Pick two different languages to translate between.';
  return undefined;
}
