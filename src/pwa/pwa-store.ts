import { create } from 'zustand';

export interface PwaState {
  /** The app shell and WASM are stored: the app opens with no network. */
  offlineReady: boolean;
  /** A newer build is installed and waiting; calling it swaps to it and reloads. */
  applyUpdate?: () => void;
  dismissOfflineReady(): void;
}

export const usePwa = create<PwaState>()((set) => ({
  offlineReady: false,
  dismissOfflineReady: () => set({ offlineReady: false }),
}));
