// The chat arena's tally: votes per pair of models, kept in localStorage (small, synchronous, per browser).
export type Vote = 'a' | 'b' | 'tie';

export interface Tally {
  /** Wins by model id, and ties, for one pair of models. */
  wins: Record<string, number>;
  ties: number;
}

const STORAGE_KEY = 'playground-arena-v1';

/** The same pair in either order is one match-up. */
export function pairKey(a: string, b: string): string {
  return JSON.stringify([a, b].sort());
}

function readAll(): Record<string, Tally> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, Tally>) : {};
  } catch {
    return {};
  }
}

function valid(t: unknown): t is Tally {
  return Boolean(t) && typeof t === 'object' && typeof (t as Tally).ties === 'number' && typeof (t as Tally).wins === 'object';
}

export function readTally(a: string, b: string): Tally {
  const all = readAll();
  const key = pairKey(a, b);
  const found = Object.hasOwn(all, key) ? all[key] : undefined;
  return valid(found) ? { wins: Object.fromEntries(Object.entries(found.wins)), ties: found.ties } : { wins: {}, ties: 0 };
}

/** Records one vote and returns the pair's new tally; a storage error is thrown for the caller to show. */
export function recordVote(a: string, b: string, vote: Vote): Tally {
  const all = readAll();
  const key = pairKey(a, b);
  const tally = readTally(a, b);
  if (vote === 'tie') tally.ties += 1;
  else {
    const winner = vote === 'a' ? a : b;
    tally.wins = { ...tally.wins, [winner]: (Object.hasOwn(tally.wins, winner) ? tally.wins[winner] : 0) + 1 };
  }
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...all, [key]: tally }));
  return tally;
}

export function winsOf(tally: Tally, model: string): number {
  return Object.hasOwn(tally.wins, model) ? tally.wins[model] : 0;
}
