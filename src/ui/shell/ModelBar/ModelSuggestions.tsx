import { useApp } from '../../../store';
import { asksHost, hostDefaultKey } from '../../../store/host-defaults';
import { noModelMessage } from '../../../models/default-model';
import type { CatalogEntry, TaskMeta } from '../../../tasks/types';

/** What the current host has for the task: undefined when the host is not asked (the Hub, a bundled model). */
function useHostDefault(meta: TaskMeta) {
  const asks = useApp((s) => asksHost(s, meta.id));
  const found = useApp((s) => s.hostDefaults[hostDefaultKey(s.host, s.revision, meta.id)]);
  return asks ? found ?? { status: 'checking' as const } : undefined;
}

/**
 * The model chips: the curated list on the Hub; on any other host, the models it has for the task
 * (curated ones first, with their notes), since suggesting models it lacks only leads to an error.
 */
export function ModelSuggestions({ meta, model, onPick }: { meta: TaskMeta; model: string; onPick(id: string): void }) {
  const found = useHostDefault(meta);
  const entries: CatalogEntry[] = !found
    ? meta.models
    : found.status === 'found'
      ? found.hostModels.map((id) => meta.models.find((entry) => entry.id === id) ?? { id, note: 'on this host' })
      : [];
  if (entries.length === 0) return null;
  return (
    <div className="suggestions" aria-label="Suggested models" data-testid="model-suggestions">
      <span className="muted small">{found ? 'On this host:' : 'Suggested:'}</span>
      {entries.map((entry) => (
        <button key={entry.id} type="button" className={`chip${entry.id === model ? ' active' : ''}`} title={entry.note} onClick={() => onPick(entry.id)}>
          {entry.id}
          {entry.sizeMB !== undefined && <span className="muted"> · {entry.sizeMB} MB</span>}
        </button>
      ))}
    </div>
  );
}

/** While the host is asked, and when it has nothing for the task: said in the model bar, with what to do. */
export function HostDefaultNotice({ meta }: { meta: TaskMeta }) {
  const found = useHostDefault(meta);
  const host = useApp((s) => s.host);
  const untouched = useApp((s) => !s.pickedByTask[meta.id]);
  if (!found || !untouched) return null;
  if (found.status === 'checking') {
    return (
      <p className="field-note" data-testid="default-checking">
        <span className="spinner" /> Finding a model for {meta.label} on {new URL(host).host}…
      </p>
    );
  }
  if (found.status !== 'none') return null;
  const { message, hint } = noModelMessage(meta, host);
  return (
    <div className="plan-error" role="status" data-testid="no-host-model">
      <strong>{message}</strong> <span className="muted">{hint}</span>
      {found.searchError && <p className="muted small">{found.searchError}</p>}
    </div>
  );
}
