import { useId, useState } from 'react';
import { useApp } from '../../../store';
import { HUB_HOST, THEME_CHOICES, normalizeHost, type ThemeChoice } from '../../../store/settings-slice';
import { Dialog } from '../../kit/Dialog/Dialog';
import { FieldError } from '../../kit/FieldError/FieldError';

const THEME_LABELS: Record<ThemeChoice, string> = { system: 'System (follow the device)', light: 'Light', dark: 'Dark' };

/** Model host and revision: the Hub by default, or any mirror with the Hub's URL layout. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const id = useId();
  const host = useApp((s) => s.host);
  const revision = useApp((s) => s.revision);
  const setHost = useApp((s) => s.setHost);
  const setRevision = useApp((s) => s.setRevision);
  const confirmAboveMB = useApp((s) => s.confirmAboveMB);
  const setConfirmAboveMB = useApp((s) => s.setConfirmAboveMB);
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  const [draftTheme, setDraftTheme] = useState(theme);
  const [draftConfirm, setDraftConfirm] = useState(String(confirmAboveMB));
  const [draftHost, setDraftHost] = useState(host);
  const [draftRevision, setDraftRevision] = useState(revision);
  const hostProblem = normalizeHost(draftHost) ? undefined : 'Enter an http(s) URL such as https://huggingface.co/';
  const revisionProblem = /^[\w./-]{1,100}$/.test(draftRevision.trim()) ? undefined : 'A branch, tag or commit, e.g. main';
  const confirmProblem = /^\d+(\.\d+)?$/.test(draftConfirm.trim()) ? undefined : 'A size in MB, e.g. 100 (0 asks every time)';

  const save = () => {
    if (hostProblem || revisionProblem || confirmProblem) return;
    setHost(draftHost);
    setRevision(draftRevision);
    setConfirmAboveMB(Number(draftConfirm));
    setTheme(draftTheme);
    onClose();
  };

  return (
    <Dialog title="Settings" onClose={onClose} testId="settings-dialog">
      <div className="field">
        <label htmlFor={`${id}-host`}>Model host</label>
        <input id={`${id}-host`} value={draftHost} onChange={(e) => setDraftHost(e.target.value)} spellCheck={false} data-testid="host-input" />
        <FieldError note="Any server with the Hugging Face URL layout (…/org/model/resolve/revision/file).">{hostProblem}</FieldError>
        <button type="button" className="link" onClick={() => setDraftHost(HUB_HOST)}>Use the Hugging Face Hub</button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-rev`}>Revision</label>
        <input id={`${id}-rev`} value={draftRevision} onChange={(e) => setDraftRevision(e.target.value)} spellCheck={false} />
        <FieldError>{revisionProblem}</FieldError>
      </div>
      <div className="field">
        <label htmlFor={`${id}-confirm`}>Ask before downloading more than (MB)</label>
        <input id={`${id}-confirm`} value={draftConfirm} onChange={(e) => setDraftConfirm(e.target.value)} inputMode="decimal" data-testid="confirm-threshold" />
        <FieldError>{confirmProblem}</FieldError>
      </div>
      <div className="field">
        <label htmlFor={`${id}-theme`}>Theme</label>
        <select id={`${id}-theme`} value={draftTheme} onChange={(e) => setDraftTheme(e.target.value as ThemeChoice)} data-testid="theme-select">
          {THEME_CHOICES.map((choice) => (
            <option key={choice} value={choice}>{THEME_LABELS[choice]}</option>
          ))}
        </select>
      </div>
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>Cancel</button>
        <button type="button" className="primary" onClick={save} disabled={Boolean(hostProblem || revisionProblem || confirmProblem)} data-testid="settings-save">
          Save
        </button>
      </div>
    </Dialog>
  );
}
