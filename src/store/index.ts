import { create, createStore, type StateCreator, type StoreApi } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createModelsSlice, type ModelsSlice } from './models-slice';
import { createRunsSlice, type RunsSlice } from './runs-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { PERSIST_VERSION, mergePersisted, migratePersisted, persistable } from './persisted';

export type AppState = SettingsSlice & SessionSlice & ModelsSlice & RunsSlice;

/** The store as the session controller sees it: the app's bound store, or a bare one in tests. */
export type AppStore = StoreApi<AppState>;

export const STORE_KEY = 'model-playground';

const slices: StateCreator<AppState> = (...a) => ({
  ...createSettingsSlice(...a),
  ...createSessionSlice(...a),
  ...createModelsSlice(...a),
  ...createRunsSlice(...a),
});

export const useApp = create<AppState>()(
  persist(slices, {
    name: STORE_KEY,
    version: PERSIST_VERSION,
    storage: createJSONStorage(() => localStorage),
    partialize: persistable,
    merge: mergePersisted,
    migrate: (persisted, version) => migratePersisted(persisted, version) as AppState,
  }),
);

/** The same slices with nothing saved: a fresh store per test, independent of the app's. */
export function createMemoryStore(): AppStore {
  return createStore<AppState>()(slices);
}
