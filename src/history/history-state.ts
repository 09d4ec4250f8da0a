// What the history panel shows besides the records themselves: a counter that moves when runs are written
// (so an open panel lists them again) and the last storage problem (runs dropped to make room, a failed write).
import { create } from 'zustand';
import type { HistoryRecord } from './record';

export interface HistoryState {
  revision: number;
  /** Said in the panel until dismissed: which runs were dropped because storage was full. */
  dropped?: string;
  saveError?: string;
  changed(): void;
  droppedRuns(runs: HistoryRecord[]): void;
  saveFailed(message: string | undefined): void;
  dismiss(): void;
}

function describeDropped(runs: HistoryRecord[]): string {
  const when = (t: number) => new Date(t).toLocaleString();
  const times = runs.map((r) => r.time).sort((a, b) => a - b);
  const span = times.length === 1 ? `from ${when(times[0])}` : `from ${when(times[0])} to ${when(times[times.length - 1])}`;
  return `Storage is full: the ${runs.length === 1 ? 'oldest run' : `${runs.length} oldest runs`} (${span}) ${runs.length === 1 ? 'was' : 'were'} dropped to keep the newest.`;
}

export const useHistory = create<HistoryState>()((set, get) => ({
  revision: 0,
  changed: () => set({ revision: get().revision + 1 }),
  droppedRuns: (runs) => runs.length > 0 && set({ dropped: describeDropped(runs) }),
  saveFailed: (saveError) => set({ saveError }),
  dismiss: () => set({ dropped: undefined, saveError: undefined }),
}));
