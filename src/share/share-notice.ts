import { create } from 'zustand';
import { leaveLinkHost } from '../store/link-host';
import type { SharedState } from './validate';

export type ShareNotice =
  | { kind: 'restored'; state: SharedState; dropped: string[]; version: number }
  | { kind: 'refused'; message: string; dropped: string[] };

export const useShareNotice = create<{ notice?: ShareNotice; hide(): void; dismiss(): void }>()((set) => ({
  /** The notice goes; the demo (and its allowed host) stays, e.g. once Run was pressed. */
  hide: () => set({ notice: undefined }),
  /** The user declines the demo's host: back to their own. */
  dismiss: () => {
    leaveLinkHost();
    set({ notice: undefined });
  },
}));
