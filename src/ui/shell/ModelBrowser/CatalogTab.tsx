import { describeEntry } from '../../../models/catalog-info';
import type { CatalogEntry } from '../../../tasks/types';

function sizes(entry: CatalogEntry): string {
  const known = Object.entries(entry.sizeByDtype ?? {});
  if (known.length) return known.map(([dtype, mb]) => `${dtype} ${mb} MB`).join(' · ');
  return entry.sizeMB !== undefined ? `≈ ${entry.sizeMB} MB (default precision)` : 'size unknown';
}

export function CatalogTab({ entries, current, onPick }: { entries: CatalogEntry[]; current: string; onPick(id: string): void }) {
  return (
    <ul className="browser-list" data-testid="catalog-list">
      {entries.map(describeEntry).map((entry) => (
        <li key={entry.id} className={entry.id === current ? 'current' : undefined}>
          <div className="browser-item">
            <strong className="mono">{entry.id}</strong>
            <span>{entry.note}</span>
            <span className="muted small">
              {entry.arch ? `${entry.arch} · ` : ''}
              {sizes(entry)}
              {entry.license ? ` · licence ${entry.license}` : ''}
            </span>
          </div>
          <button type="button" className="secondary small-button" onClick={() => onPick(entry.id)} aria-label={`Use ${entry.id}`}>
            {entry.id === current ? 'Selected' : 'Use'}
          </button>
        </li>
      ))}
    </ul>
  );
}
