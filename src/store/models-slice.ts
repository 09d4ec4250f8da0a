import type { StateCreator } from 'zustand';
import type { Capabilities, Dtype, FileProgress, LoadedInfo, LoadPhase, LoadSpec, ModelPlan, WireError } from '../protocol/messages';
import type { AppState } from './index';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface LoadState {
  status: LoadStatus;
  spec?: LoadSpec;
  phase?: LoadPhase;
  loaded: number;
  total: number;
  files: Record<string, FileProgress>;
  info?: LoadedInfo;
  error?: WireError;
  /** Shown when the engine had to restart and the model was dropped. */
  notice?: string;
  /** The host a download has had no data from for a while (cleared when bytes flow again). */
  stalled?: string;
}

export interface DtypeReport {
  key: string;
  status: 'checking' | 'ready' | 'error';
  available: Dtype[];
  defaultDtype?: string;
  error?: WireError;
}

/** What loading the chosen model will fetch, checked before loading. */
export interface PlanReport {
  key: string;
  status: 'checking' | 'ready' | 'error';
  plan?: ModelPlan;
  error?: WireError;
}

export interface ModelsSlice {
  caps?: Capabilities;
  load: LoadState;
  dtypes?: DtypeReport;
  plan?: PlanReport;
  /** A large download waiting for the user's go-ahead (plan key and bytes). */
  pendingConfirm?: { key: string; bytes: number };
  setPlan(plan: PlanReport | undefined): void;
  setPendingConfirm(pending: { key: string; bytes: number } | undefined): void;
  setCaps(caps: Capabilities): void;
  loadStarted(spec: LoadSpec): void;
  loadProgress(progress: { phase: LoadPhase; loaded: number; total: number; files: Record<string, FileProgress>; stalled?: string }): void;
  loadFinished(info: LoadedInfo): void;
  loadFailed(error: WireError): void;
  modelDropped(notice: string): void;
  setDtypes(report: DtypeReport): void;
}

export const idleLoad: LoadState = { status: 'idle', loaded: 0, total: 0, files: {} };

export const createModelsSlice: StateCreator<AppState, [], [], ModelsSlice> = (set, get) => ({
  load: idleLoad,
  setCaps: (caps) => set({ caps }),
  loadStarted: (spec) => set({ load: { ...idleLoad, status: 'loading', spec, phase: 'download' } }),
  loadProgress: (progress) => {
    const { load } = get();
    if (load.status !== 'loading') return;
    // Only byte-bearing updates replace the byte counts; phase changes keep the last known totals.
    const bytes = progress.total > 0 ? { loaded: progress.loaded, total: progress.total } : {};
    const files = Object.keys(progress.files).length > 0 ? { files: progress.files } : {};
    set({ load: { ...load, phase: progress.phase, ...bytes, ...files, stalled: progress.stalled } });
  },
  loadFinished: (info) => set({ load: { ...get().load, status: 'ready', info, error: undefined, notice: undefined } }),
  loadFailed: (error) => set({ load: { ...get().load, status: 'error', error } }),
  modelDropped: (notice) => set({ load: { ...idleLoad, notice } }),
  setDtypes: (dtypes) => set({ dtypes }),
  setPlan: (plan) => set({ plan }),
  setPendingConfirm: (pendingConfirm) => set({ pendingConfirm }),
});
