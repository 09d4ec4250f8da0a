import { formatPercent } from '../../format';

export interface Scored {
  label: string;
  score: number;
}

export function ScoreBars({ items, testId = 'score-bars' }: { items: Scored[]; testId?: string }) {
  return (
    <ol className="score-bars" data-testid={testId}>
      {items.map((item, i) => (
        <li key={`${item.label}-${i}`} className={i === 0 ? 'top' : undefined}>
          <span className="score-label" title={item.label}>
            {item.label}
          </span>
          <span className="score-track" aria-hidden="true">
            <span className="score-fill" style={{ width: `${Math.max(0.5, item.score * 100)}%` }} />
          </span>
          <span className="score-value">{formatPercent(item.score)}</span>
        </li>
      ))}
    </ol>
  );
}
