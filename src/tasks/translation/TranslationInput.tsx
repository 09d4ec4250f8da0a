import { useId } from 'react';
import type { InputProps } from '../types';
import { TextInput } from '../../ui/kit/TextInput/TextInput';
import type { Input } from './types';
import { languagesFor, translationMode, type LanguageFamily, type TranslationMode } from './languages';
import { FieldError } from '../../ui/kit/FieldError/FieldError';

const SAMPLES = ['The house is small.', 'Where is the train station?', 'Machine learning models can now run entirely inside your web browser.'];

function LanguagePickers({ family, value, onChange, error, disabled }: { family: LanguageFamily; error?: string } & Pick<InputProps<Input>, 'value' | 'onChange' | 'disabled'>) {
  const id = useId();
  const languages = languagesFor(family);
  const select = (which: 'src' | 'tgt', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${which}`}>{label}</label>
      <select id={`${id}-${which}`} value={value[which]} onChange={(e) => onChange({ ...value, [which]: e.target.value })} disabled={disabled} aria-invalid={Boolean(error)} data-testid={`${which === 'src' ? 'source' : 'target'}-language`}>
        {languages.map((language) => (
          <option key={language.key} value={language.key}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="field">
      <div className="language-pickers" data-testid="language-pickers">
        {select('src', 'From')}
        <button type="button" className="secondary swap" onClick={() => onChange({ ...value, src: value.tgt, tgt: value.src })} disabled={disabled} aria-label="Swap languages" title="Swap languages">
          ⇄
        </button>
        {select('tgt', 'To')}
      </div>
      <FieldError>{error}</FieldError>
    </div>
  );
}

function describe(mode: Exclude<TranslationMode, { kind: 'languages' }>): string {
  if (mode.kind === 'prefix') return `${mode.direction}, set by the T5 prompt prefix “${mode.prefix.trim()}” (added for you).`;
  if (mode.direction) return `${mode.direction}: this model translates in one fixed direction, so there is nothing to pick.`;
  return 'This model translates in the one direction it was trained for (language pickers appear for NLLB, M2M100 and mBART-50 models).';
}

/** The pickers depend on the model chosen in the model bar, which the shell passes in. */
export function TranslationInput({ value, onChange, error, disabled, model }: InputProps<Input>) {
  const mode = translationMode(model);
  const languageError = mode.kind === 'languages' && error && /language/i.test(error) ? error : undefined;
  return (
    <>
      {mode.kind === 'languages' ? (
        <LanguagePickers family={mode.family} value={value} onChange={onChange} error={languageError} disabled={disabled} />
      ) : (
        <p className="field-note translation-direction" data-testid="translation-direction">
          {describe(mode)}
        </p>
      )}
      <TextInput label="Text to translate" rows={5} value={value.text} onChange={(text) => onChange({ ...value, text })} samples={SAMPLES} error={languageError ? undefined : error} disabled={disabled} testId="translate-input" />
    </>
  );
}
