import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { SAMPLE_IMAGES, readImageFile, sampleImage, urlImage, type ImageValue } from './image-value';
import { safeHttpUrl } from '../../../share/input-shape';
import { FieldError } from '../FieldError/FieldError';

interface Props {
  value: ImageValue | undefined;
  onChange(value: ImageValue): void;
  error?: string;
  disabled?: boolean;
}

/** Pick, drop, paste, or choose a bundled sample. */
export function ImageInput({ value, onChange, error, disabled }: Props) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [fileError, setFileError] = useState<string>();
  const [urlDraft, setUrlDraft] = useState('');
  const applyUrl = () => {
    const url = safeHttpUrl(urlDraft.trim());
    if (!url) return setFileError('Enter an http(s) address of an image, e.g. https://example.com/cat.jpg');
    setFileError(undefined);
    onChange(urlImage(url));
    setUrlDraft('');
  };

  const accept = async (file: File | Blob | null | undefined) => {
    if (!file) return;
    try {
      onChange(await readImageFile(file));
      setFileError(undefined);
    } catch (problem) {
      setFileError((problem as Error).message);
    }
  };

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const item = [...(event.clipboardData?.items ?? [])].find((i) => i.kind === 'file');
      if (item && !disabled) void accept(item.getAsFile());
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  });

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!disabled) void accept(event.dataTransfer.files[0]);
  };
  const message = fileError ?? error;

  return (
    <div className="field">
      <span className="label" id={`${id}-label`}>
        Image
      </span>
      <div
        className={`dropzone${dragging ? ' dragging' : ''}${message ? ' invalid' : ''}`}
        data-testid="image-dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        onClick={() => fileRef.current?.click()}
        role="button"
        tabIndex={0}
        aria-labelledby={`${id}-label`}
        onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && fileRef.current?.click()}
      >
        {value ? (
          <img src={value.url} alt={value.name} className="preview" data-testid="image-preview" crossOrigin={value.kind === 'url' ? 'anonymous' : undefined} />
        ) : (
          <span className="dropzone-hint">Drop an image here, paste one, or click to choose a file</span>
        )}
      </div>
      <input
        ref={fileRef}
        type="file"
        accept="image/*"
        hidden
        data-testid="image-file"
        onChange={(event) => {
          void accept(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {!message && value?.kind === 'file' && value.note && (
        <p className="field-note" role="status" data-testid="image-note">
          {value.note}
        </p>
      )}
      <FieldError testId="image-error">{message}</FieldError>
      <div className="chips" aria-label="Sample images">
        {SAMPLE_IMAGES.map((sample) => (
          <button
            key={sample.name}
            type="button"
            className={`chip${value?.kind === 'sample' && value.name === sample.name ? ' active' : ''}`}
            onClick={() => {
              setFileError(undefined);
              onChange(sampleImage(sample.name));
            }}
            disabled={disabled}
          >
            {sample.label}
          </button>
        ))}
        {value && <span className="muted small">{value.name}</span>}
      </div>
      <form
        className="image-url"
        onSubmit={(event) => {
          event.preventDefault();
          applyUrl();
        }}
      >
        <input
          type="url"
          value={urlDraft}
          onChange={(event) => setUrlDraft(event.target.value)}
          placeholder="…or an image URL (https://…)"
          aria-label="Image URL"
          spellCheck={false}
          disabled={disabled}
          data-testid="image-url-input"
        />
        <button type="submit" className="secondary" disabled={disabled || !urlDraft.trim()}>
          Use URL
        </button>
      </form>
    </div>
  );
}
