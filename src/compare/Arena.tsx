import { useState } from 'react';
import { readTally, recordVote, winsOf, type Tally, type Vote } from './arena';
import type { CompareColumn, ColumnResult } from './types';
import { FieldError } from '../ui/kit/FieldError/FieldError';

/** How a column is named in the tally: its configuration, told apart by position when both are the same. */
export function contestants(columns: CompareColumn[]): [string, string] {
  const name = (c: CompareColumn) => [c.model.trim(), c.dtype !== 'auto' && c.dtype, c.params.do_sample ? 'sampling' : c.params.do_sample === false ? 'greedy' : ''].filter(Boolean).join(' · ');
  const [a, b] = [name(columns[0]), name(columns[1])];
  return a === b ? [`${a} (A)`, `${b} (B)`] : [a, b];
}

interface Props {
  columns: CompareColumn[];
  results: ColumnResult[];
}

/** Two models answer the same prompt; the user says which answer is better, and the tally is kept. */
export function Arena({ columns, results }: Props) {
  const [a, b] = contestants(columns);
  // Re-read after each vote (and for whichever pair is set up now): the tally lives in localStorage.
  const [, setVotes] = useState(0);
  const [error, setError] = useState<string>();
  const shownTally: Tally = readTally(a, b);
  const ready = results[0]?.status === 'done' && results[1]?.status === 'done';
  const vote = (choice: Vote) => {
    try {
      recordVote(a, b, choice);
      setVotes((n) => n + 1);
      setError(undefined);
    } catch (e) {
      setError(`The vote could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <section className="arena" aria-label="Arena" data-testid="arena">
      <h2 className="arena-title">Arena: which answer is better?</h2>
      <div className="arena-buttons">
        <button type="button" disabled={!ready} onClick={() => vote('a')} data-testid="vote-a">A is better</button>
        <button type="button" disabled={!ready} onClick={() => vote('tie')} data-testid="vote-tie">Tie</button>
        <button type="button" disabled={!ready} onClick={() => vote('b')} data-testid="vote-b">B is better</button>
      </div>
      {!ready && <p className="muted">Run both columns, then vote.</p>}
      <FieldError>{error}</FieldError>
      <p className="arena-tally" data-testid="arena-tally" aria-live="polite">
        Tally (kept in this browser): <strong>{a}</strong> <span data-testid="tally-a">{winsOf(shownTally, a)}</span> · ties{' '}
        <span data-testid="tally-tie">{shownTally.ties}</span> · <strong>{b}</strong> <span data-testid="tally-b">{winsOf(shownTally, b)}</span>
      </p>
    </section>
  );
}
