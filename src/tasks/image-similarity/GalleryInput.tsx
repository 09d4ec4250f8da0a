import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { ImageValue } from '../../ui/kit/ImageInput/image-value';
import { picturesInFolder, takePictures } from './picture-intake';
import { FieldError } from '../../ui/kit/FieldError/FieldError';

interface Props {
  pictures: ImageValue[];
  onChange(pictures: ImageValue[]): void;
  /** Makes a picture of the set the query. */
  onQuery(picture: ImageValue): void;
  error?: string;
  disabled: boolean;
}

/** Lists what was left out of a pick: the first few reasons, then a count. */
function summary(problems: string[]): string | undefined {
  if (problems.length === 0) return undefined;
  const shown = problems.slice(0, 3).join(' ');
  return problems.length > 3 ? `${shown} (and ${problems.length - 3} more left out)` : shown;
}

/** The picture set: thumbnails with remove / search-with buttons, and pickers for files and a folder. */
export function GalleryInput({ pictures, onChange, onQuery, error, disabled }: Props) {
  const id = useId();
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const [pickProblem, setPickProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const add = async (files: File[], skipped: string[] = []) => {
    setBusy(true);
    const taken = await takePictures(pictures, files);
    setBusy(false);
    if (taken.pictures.length > 0) onChange([...pictures, ...taken.pictures]);
    const problems = [...taken.problems];
    if (skipped.length > 0) problems.push(`Skipped ${skipped.length} file${skipped.length === 1 ? ' that is not a picture' : 's that are not pictures'}: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''}.`);
    setPickProblem(summary(problems));
  };
  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    void add(files);
  };
  const onFolder = (event: ChangeEvent<HTMLInputElement>) => {
    const { images, skipped } = picturesInFolder([...(event.target.files ?? [])]);
    event.target.value = '';
    if (images.length === 0) return setPickProblem(`That folder has no pictures (PNG, JPEG, WebP, GIF)${skipped.length ? `: only ${skipped.length} other files` : ''}.`);
    void add(images, skipped);
  };
  const replace = (next: ImageValue[]) => {
    setPickProblem(undefined);
    onChange(next);
  };

  return (
    <div className="field gallery-field" data-testid="gallery">
      <span className="label" id={`${id}-label`}>
        Pictures to search <span className="muted small">({pictures.length})</span>
      </span>
      {pictures.length > 0 && <p className="field-note">Click a picture to search with it.</p>}
      {pictures.length > 0 ? (
        <ul className="gallery-grid" aria-labelledby={`${id}-label`}>
          {pictures.map((picture, i) => (
            <li key={`${picture.url}-${i}`} className="gallery-item" data-testid="gallery-item" data-name={picture.name}>
              <button type="button" className="gallery-pick" onClick={() => onQuery(picture)} disabled={disabled} title={`Search with ${picture.name}`} data-testid="use-as-query">
                <img src={picture.url} alt={`Search with ${picture.name}`} loading="lazy" />
              </button>
              <span className="gallery-name" title={picture.name}>
                {picture.name}
              </span>
              <button
                type="button"
                className="gallery-remove"
                onClick={() => replace(pictures.filter((_, at) => at !== i))}
                disabled={disabled}
                aria-label={`Remove ${picture.name}`}
                title={`Remove ${picture.name}`}
                data-testid="remove-picture"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No pictures yet.</p>
      )}
      <div className="gallery-pickers">
        <button type="button" className="secondary" onClick={() => filesRef.current?.click()} disabled={disabled || busy} data-testid="add-pictures">
          Add pictures
        </button>
        <button type="button" className="secondary" onClick={() => folderRef.current?.click()} disabled={disabled || busy} data-testid="add-folder">
          Add a folder
        </button>
        {pictures.length > 0 && (
          <button type="button" className="secondary" onClick={() => replace([])} disabled={disabled || busy} data-testid="clear-pictures">
            Clear
          </button>
        )}
        {busy && <span className="muted small">Reading pictures…</span>}
        <input ref={filesRef} type="file" accept="image/*" multiple hidden onChange={onFiles} data-testid="pictures-file" />
        <input ref={folderRef} type="file" multiple hidden onChange={onFolder} data-testid="pictures-folder" {...{ webkitdirectory: '' }} />
      </div>
      <FieldError testId="gallery-error">{error}</FieldError>
      <FieldError testId="pick-error">{pickProblem}</FieldError>
    </div>
  );
}
