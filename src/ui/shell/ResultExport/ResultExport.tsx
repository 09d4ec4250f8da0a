import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../../../store';
import { shownRun } from '../../../store/runs-slice';
import { exportDocument, exportFileName } from './export-json';
import { checkAgainst, ReferenceCheckView } from './ReferenceCheckView';

/** "Copy JSON" and "Download JSON" for the finished result of any task. */
export function ResultExport() {
  const run = useApp((s) => shownRun(s.run));
  const spec = useApp((s) => s.load.spec);
  const info = useApp((s) => s.load.info);
  const params = useApp((s) => (run.task ? s.paramsByTask[run.task] : undefined));
  const [copied, setCopied] = useState<'ok' | 'failed' | undefined>();
  const reference = useApp((s) => (run.task ? s.referenceByTask[run.task] : undefined));
  const setReferenceFor = useApp((s) => s.setReferenceFor);
  const { check, problem } = useMemo(() => checkAgainst(run.output, reference), [run.output, reference]);
  useEffect(() => setCopied(undefined), [run.seq]);
  if (run.status !== 'done' || !run.task) return null;

  // The run used the model loaded for it.
  const model = spec?.model;
  const text = () =>
    exportDocument(
      { task: run.task!, model, dtype: info?.dtype ?? spec?.dtype, device: info?.device ?? spec?.device, input: run.input, output: run.output, stats: run.stats, referenceCheck: check },
      params ?? {},
    );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text()], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName(run.task!, model);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div className="result-export" data-testid="result-export">
      <button type="button" className="secondary small-button" onClick={() => void copy()} data-testid="copy-json">
        Copy JSON
      </button>
      <button type="button" className="secondary small-button" onClick={download} data-testid="download-json">
        Download JSON
      </button>
      <span className="muted small" role="status" aria-live="polite">
        {copied === 'ok' ? 'Copied to the clipboard' : copied === 'failed' ? 'The browser refused clipboard access — use Download JSON' : ''}
      </span>
      <ReferenceCheckView check={check} problem={problem} onReference={(r) => setReferenceFor(run.task!, r)} />
    </div>
  );
}
