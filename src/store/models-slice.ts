import type { StateCreator } from 'zustand';
import type { Capabilities, Dtype, FileProgress, LoadedInfo, LoadPhase, LoadSpec, MeasuredMemory, ModelPlan, WireError } from '../protocol/messages';
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

/** What a model loaded in this session measured, beside the estimate made before loading it. */
export interface MeasuredModel {
  model: string;
  host: string;
  revision: string;
  dtype: string;
  device: string;
  memory: MeasuredMemory;
  /** ModelPlan.memoryBytes for the same load, when its plan was known. */
  estimateBytes?: number;
}

export const measuredKey = (host: string, model: string, revision: string): string => `${host}|${model}|${revision}`;

export interface ModelsSlice {
  /** Models loaded in this session with their measured memory (not persisted), by measuredKey. */
  measured: Record<string, MeasuredModel>;
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
  /** `estimateBytes`: the plan's memory estimate for this load, kept beside what it measures. */
  loadFinished(info: LoadedInfo, estimateBytes?: number): void;
  /** Adds a figure measured after the load (the page's memory arrives seconds later). */
  loadMeasured(memory: MeasuredMemory): void;
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
  measured: {},
  loadFinished: (info, estimateBytes) => {
    const load = { ...get().load, status: 'ready' as const, info, error: undefined, notice: undefined };
    set({ load, measured: withMeasured(get(), load, estimateBytes) });
  },
  loadMeasured: (memory) => {
    const { load } = get();
    if (load.status !== 'ready' || !load.info) return;
    const next = { ...load, info: { ...load.info, memory: { ...load.info.memory, ...memory } } };
    set({ load: next, measured: withMeasured(get(), next) });
  },
  loadFailed: (error) => set({ load: { ...get().load, status: 'error', error } }),
  modelDropped: (notice) => set({ load: { ...idleLoad, notice } }),
  setDtypes: (dtypes) => set({ dtypes }),
  setPlan: (plan) => set({ plan }),
  setPendingConfirm: (pendingConfirm) => set({ pendingConfirm }),
});

/** The session's record of measured models, with this load's figures and the plan's estimate for it. */
function withMeasured(state: AppState, load: LoadState, estimate?: number): Record<string, MeasuredModel> {
  const { spec, info } = load;
  if (!spec || !info?.memory) return state.measured;
  const key = measuredKey(spec.host, spec.model, spec.revision);
  const estimateBytes = estimate ?? state.measured[key]?.estimateBytes;
  const entry: MeasuredModel = { model: spec.model, host: spec.host, revision: spec.revision, dtype: info.dtype, device: info.device, memory: info.memory, estimateBytes };
  return { ...state.measured, [key]: entry };
}
