import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createModelsSlice, type ModelsSlice } from './models-slice';
import { createRunsSlice, type RunsSlice } from './runs-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { mergePersisted, persistable } from './persisted';

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
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: persistable,
      merge: mergePersisted,
      // Version 1 is the first; later versions migrate from it here.
      migrate: (persisted) => persisted as AppState,
    },
  ),
);
