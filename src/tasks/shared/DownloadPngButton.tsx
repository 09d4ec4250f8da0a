import { useState } from 'react';
import { downloadCanvas } from './draw';

interface Props {
  /** Builds the picture to save, at full resolution. */
  render(): Promise<HTMLCanvasElement> | HTMLCanvasElement;
  filename: string;
  label?: string;
  testId?: string;
}

/** "Download PNG" of an image with its overlay; a failure is said next to the button. */
export function DownloadPngButton({ render, filename, label = 'Download PNG', testId = 'download-png' }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await downloadCanvas(await render(), filename);
    } catch (problem) {
      setError((problem as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export-action">
      <button type="button" className="secondary small-button" onClick={() => void save()} disabled={busy} data-testid={testId} title={`Save ${filename}`}>
        {label}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
