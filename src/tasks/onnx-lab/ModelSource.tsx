import { useRef, useState, type DragEvent } from 'react';
import { formatBytes } from '../../ui/format';
import { readOnnx } from './onnx-reader';
import { readVerified } from '../../cache/verified-fetch';
import type { LabModel } from './lab-value';
import { FieldError } from '../../ui/kit/FieldError/FieldError';

const newKey = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;

/** Reads the model's header on this thread, so a file that is not ONNX is refused before it reaches the worker. */
async function openModel(blob: Blob, name: string, url?: string): Promise<LabModel> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  try {
    return { key: newKey(), name, size: blob.size, bytes: blob, url, info: readOnnx(bytes) };
  } catch (error) {
    throw new Error(`“${name}” is not an ONNX model: ${(error as Error).message}.`);
  }
}

async function fetchModel(url: string): Promise<LabModel> {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), location.href);
  } catch {
    throw new Error(`“${url}” is not a URL.`);
  }
  // fetch() refuses every other scheme with a bare TypeError; say what is accepted instead.
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`Only http:// and https:// URLs can be fetched (this one is ${parsed.protocol}). For a file on this computer, drop it here or click to choose it.`);
  }
  let response: Response;
  try {
    response = await fetch(parsed);
  } catch (error) {
    throw new Error(`Could not fetch ${parsed.host}: ${(error as Error).message}. The server may be down or may not allow cross-origin requests.`);
  }
  if (!response.ok) throw new Error(`The server answered HTTP ${response.status} for ${parsed.pathname}.`);
  const name = decodeURIComponent(parsed.pathname.split('/').pop() || parsed.host);
  // Checked like a model host's files: a file cut short or altered on the way is refused, not parsed.
  const bytes = await readVerified(response, parsed.href, { outcome: 'so it was not opened — Fetch again' });
  return openModel(new Blob([bytes as Uint8Array<ArrayBuffer>]), name, parsed.href);
}

interface Props {
  model?: LabModel;
  url: string;
  disabled: boolean;
  onUrl(url: string): void;
  onModel(model: LabModel): void;
}

export function ModelSource({ model, url, disabled, onUrl, onModel }: Props) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [dragging, setDragging] = useState(false);

  const take = async (load: () => Promise<LabModel>) => {
    setBusy(true);
    try {
      onModel(await load());
      setError(undefined);
    } catch (problem) {
      setError((problem as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const onFile = (file: File | undefined) => file && void take(() => openModel(file, file.name));
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!disabled) onFile(event.dataTransfer.files[0]);
  };

  return (
    <div className="field lab-source">
      <span className="label">Model</span>
      <div
        className={`dropzone lab-drop${dragging ? ' dragging' : ''}${error ? ' invalid' : ''}`}
        role="button"
        tabIndex={0}
        data-testid="lab-dropzone"
        onClick={() => fileRef.current?.click()}
        onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && fileRef.current?.click()}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {busy ? (
          <span><span className="spinner" /> Reading the model…</span>
        ) : model ? (
          <span data-testid="lab-model-name">
            <strong>{model.name}</strong> <span className="muted">· {formatBytes(model.size)} · drop another to replace it</span>
          </span>
        ) : (
          <span className="dropzone-hint">Drop an .onnx file here, or click to choose one</span>
        )}
      </div>
      <input ref={fileRef} type="file" accept=".onnx,application/octet-stream" hidden data-testid="lab-file" onChange={(event) => {
        onFile(event.target.files?.[0]);
        event.target.value = '';
      }} />
      <form className="lab-url" onSubmit={(event) => {
        event.preventDefault();
        if (url.trim()) void take(() => fetchModel(url));
      }}>
        <input value={url} onChange={(event) => onUrl(event.target.value)} placeholder="…or a URL: https://example.org/model.onnx" spellCheck={false} aria-label="Model URL" data-testid="lab-url" disabled={disabled || busy} />
        <button type="submit" className="secondary" disabled={disabled || busy || !url.trim()} data-testid="lab-fetch">Fetch</button>
      </form>
      <FieldError testId="lab-model-error">{error}</FieldError>
    </div>
  );
}
