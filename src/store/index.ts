import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createModelsSlice, type ModelsSlice } from './models-slice';
import { createRunsSlice, type RunsSlice } from './runs-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { PERSIST_VERSION, mergePersisted, migratePersisted, persistable } from './persisted';

export type AppState = SettingsSlice & SessionSlice & ModelsSlice & RunsSlice;

export const STORE_KEY = 'model-playground';

export const useApp = create<AppState>()(
  persist(
    (...a) => ({
      ...createSettingsSlice(...a),
      ...createSessionSlice(...a),
      ...createModelsSlice(...a),
      ...createRunsSlice(...a),
    }),
    {
      name: STORE_KEY,
      version: PERSIST_VERSION,
      storage: createJSONStorage(() => localStorage),
      partialize: persistable,
      merge: mergePersisted,
      migrate: (persisted, version) => migratePersisted(persisted, version) as AppState,
    },
  ),
);
