import { useState, type DragEvent } from 'react';
import { folderFromDrop, folderFromInput, folderProblems, type LocalFolder } from '../../../models/local-folders';
import { formatBytes } from '../../format';
import { FieldError } from '../../kit/FieldError/FieldError';

interface Props {
  pipeline: string;
  onUse(folder: LocalFolder): void;
}

export function LocalFolderTab({ pipeline, onUse }: Props) {
  const [folder, setFolder] = useState<LocalFolder | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [over, setOver] = useState(false);
  const problems = folder ? folderProblems(folder, pipeline) : [];

  const accept = (picked: LocalFolder | undefined) => {
    setFolder(picked);
    setError(picked ? undefined : 'That folder is empty. Pick a model folder with config.json, tokenizer files and onnx/.');
  };
  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    try {
      accept(await folderFromDrop(event.dataTransfer.items));
    } catch {
      setError('The dropped item could not be read as a folder. Drop a folder, or use the button.');
    }
  };

  return (
    <div className="browser-local">
      <p className="muted small">
        A model folder in the Hub layout — <code>config.json</code>, tokenizer or preprocessor files, <code>onnx/*.onnx</code> — runs
        straight from your disk. Nothing is uploaded, and it works with no network. Files stay open until you reload the page.
      </p>
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => void onDrop(e)}
        data-testid="folder-dropzone"
      >
        <span>Drop a model folder here, or</span>
        <label className="file-button">
          Choose a folder…
          <input
            type="file"
            // @ts-expect-error -- webkitdirectory is not in React's input attribute types
            webkitdirectory=""
            multiple
            onChange={(e) => e.target.files && accept(folderFromInput(e.target.files))}
            data-testid="folder-input"
          />
        </label>
      </div>
      <FieldError>{error}</FieldError>
      {folder && (
        <div className="local-summary" data-testid="folder-summary">
          <p>
            <strong className="mono">{folder.name}</strong> · {folder.files.length} files · {formatBytes(folder.bytes)}
          </p>
          <ul className="file-list small mono">
            {folder.files.slice(0, 12).map((f) => (
              <li key={f.path}>
                {f.path} <span className="muted">{formatBytes(f.file.size)}</span>
              </li>
            ))}
            {folder.files.length > 12 && <li className="muted">… and {folder.files.length - 12} more</li>}
          </ul>
          {problems.length > 0 && (
            <div className="notice notice-error" role="alert" data-testid="folder-problems">
              <strong>This folder cannot run {pipeline}</strong>
              {problems.map((p) => (
                <span key={p} className="notice-message">{p}</span>
              ))}
            </div>
          )}
          <button type="button" onClick={() => onUse(folder)} disabled={problems.length > 0} data-testid="use-folder">
            Use this folder
          </button>
        </div>
      )}
    </div>
  );
}
