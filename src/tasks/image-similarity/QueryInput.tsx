import { useId } from 'react';
import type { InputProps } from '../types';
import { ImageInput } from '../../ui/kit/ImageInput/ImageInput';
import { GalleryInput } from './GalleryInput';
import { NO_TEXT_TOWER, QUERY_IMAGE_MISSING, QUERY_PICTURE_PREFIX, QUERY_TEXT_EMPTY } from './gallery';
import type { Input, QueryMode } from './types';
import { FieldError } from '../../ui/kit/FieldError/FieldError';

type Place = 'gallery' | 'picture' | 'text';

/** Where a message about the input belongs: next to the text, the query picture, or (else) the picture set. */
export function placeOf(error: string): Place {
  if (error === QUERY_TEXT_EMPTY || error.startsWith(NO_TEXT_TOWER)) return 'text';
  if (error === QUERY_IMAGE_MISSING || error.startsWith(QUERY_PICTURE_PREFIX)) return 'picture';
  return 'gallery';
}

const MODES: { mode: QueryMode; label: string }[] = [
  { mode: 'picture', label: 'By picture' },
  { mode: 'text', label: 'By text' },
];

/** The picture set, then the query: a picture (picked, or one of the set) or, with CLIP, a text. */
export function QueryInput({ value, onChange, error, disabled, onRun }: InputProps<Input>) {
  const id = useId();
  const at = (place: Place) => (error && placeOf(error) === place ? error : undefined);
  const textError = at('text');
  return (
    <>
      <GalleryInput
        pictures={value.pictures}
        onChange={(pictures) => onChange({ ...value, pictures })}
        onQuery={(picture) => onChange({ ...value, by: 'picture', queryImage: picture })}
        error={at('gallery')}
        disabled={disabled}
      />
      <div className="field">
        <span className="label">Search</span>
        <div className="source-tabs" role="group" aria-label="Search by">
          {MODES.map(({ mode, label }) => (
            <button key={mode} type="button" aria-pressed={value.by === mode} onClick={() => onChange({ ...value, by: mode })} disabled={disabled} data-testid={`query-by-${mode}`}>
              {label}
            </button>
          ))}
        </div>
      </div>
      {value.by === 'picture' ? (
        <ImageInput value={value.queryImage} onChange={(queryImage) => onChange({ ...value, queryImage })} error={at('picture')} disabled={disabled} />
      ) : (
        <div className="field">
          <label htmlFor={id}>Text to look for</label>
          <input
            id={id}
            type="text"
            value={value.queryText}
            placeholder="a cat on a sofa"
            onChange={(event) => onChange({ ...value, queryText: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') onRun?.();
            }}
            aria-invalid={Boolean(textError)}
            disabled={disabled}
            data-testid="query-text"
          />
          <FieldError testId="query-text-error" note="Needs a CLIP model: its text tower puts words in the same space as the pictures.">{textError}</FieldError>
        </div>
      )}
    </>
  );
}
