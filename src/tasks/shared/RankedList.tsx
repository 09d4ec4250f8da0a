import type { ReactNode } from 'react';
import { formatCount } from '../../ui/format';
import { ProgressBar } from '../../ui/kit/ProgressBar/ProgressBar';

export interface RankedRow {
  key: string | number;
  text: ReactNode;
  /** Cosine similarity, -1..1 (the bar shows 0..1). */
  score: number;
  /** A quieter line under the text (e.g. a description). */
  detail?: ReactNode;
  /** A small last line (e.g. why this result). */
  note?: ReactNode;
}

/** Results ranked by similarity: rank, text (wrapping), a score bar and the cosine value. */
export function RankedList({ rows, testId }: { rows: RankedRow[]; testId: string }) {
  return (
    <ol className="ranked" data-testid={testId}>
      {rows.map((row, i) => (
        <li key={row.key} data-score={row.score.toFixed(4)}>
          <span className="ranked-rank">{i + 1}</span>
          <span className="ranked-body">
            <span className="ranked-text">{row.text}</span>
            {row.detail && <span className="ranked-detail">{row.detail}</span>}
            {row.note && <span className="ranked-note">{row.note}</span>}
          </span>
          <span className="score-track" aria-hidden="true">
            <span className="score-fill" style={{ width: `${Math.max(1, Math.min(1, row.score) * 100)}%` }} />
          </span>
          <span className="cos" title="cosine similarity">
            {row.score.toFixed(3)}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** A progress line for a long embedding pass (partials of {done, total}). */
export function EmbedProgressLine({ progress, what }: { progress?: { done: number; total: number }; what: string }) {
  if (!progress) {
    return (
      <p className="muted" data-testid="embed-progress">
        <span className="spinner" /> Embedding…
      </p>
    );
  }
  const percent = progress.total ? (progress.done / progress.total) * 100 : 0;
  return (
    <div className="embed-progress" data-testid="embed-progress">
      <p className="muted small">
        <span className="spinner" /> Embedding {what}: {formatCount(progress.done)} / {formatCount(progress.total)}
      </p>
      <ProgressBar percent={percent} label={`Embedding ${what}`} />
    </div>
  );
}
