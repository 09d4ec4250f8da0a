import { create, createStore, type StateCreator, type StoreApi } from 'zustand';
import { createJSONStorage, persist, type PersistStorage } from 'zustand/middleware';
import { createModelsSlice, type ModelsSlice } from './models-slice';
import { createRunsSlice, type RunsSlice } from './runs-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { PERSIST_VERSION, memoPersistable, mergePersisted, migratePersisted } from './persisted';

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

/** Writes only when the saved state is a new object (memoPersistable hands back the same one while it is unchanged). */
function skippingRepeats<S>(storage: PersistStorage<S> | undefined): PersistStorage<S> | undefined {
  if (!storage) return storage;
  let written: unknown;
  return {
    getItem: (name) => storage.getItem(name),
    setItem: (name, value) => {
      if (value.state === written) return;
      written = value.state;
      return storage.setItem(name, value);
    },
    removeItem: (name) => {
      written = undefined;
      return storage.removeItem(name);
    },
  };
}

export const useApp = create<AppState>()(
  persist(slices, {
    name: STORE_KEY,
    version: PERSIST_VERSION,
    storage: skippingRepeats(createJSONStorage(() => localStorage)),
    partialize: memoPersistable(),
    merge: mergePersisted,
    migrate: (persisted, version) => migratePersisted(persisted, version) as AppState,
  }),
);

/** The same slices with nothing saved: a fresh store per test, independent of the app's. */
export function createMemoryStore(): AppStore {
  return createStore<AppState>()(slices);
}
