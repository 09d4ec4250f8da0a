import { create } from 'zustand';
import type { SharedState } from './validate';

export type ShareNotice =
  | { kind: 'restored'; state: SharedState; dropped: string[]; version: number }
  | { kind: 'refused'; message: string; dropped: string[] };

export const useShareNotice = create<{ notice?: ShareNotice; dismiss(): void }>()((set) => ({
  dismiss: () => set({ notice: undefined }),
}));
