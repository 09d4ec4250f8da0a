import type { ComponentType } from 'react';
import type { Capabilities, LoadSpec, RunStats } from '../protocol/messages';
import type { LoadedPipeline, ModelReport, ProgressUpdate } from '../runtime/types';
import type { DecoderFamily } from '../models/decoder-family';

export type TaskGroup = 'Text' | 'Vision' | 'Tools';

export interface CatalogEntry {
  id: string;
  /** One line on what it is good for. */
  note: string;
  /** Approximate download for the default precision, in MB. */
  sizeMB?: number;
  /** Architecture (config.json model_type), e.g. "bert". */
  arch?: string;
  /** SPDX-style licence id, e.g. "apache-2.0". */
  license?: string;
  /** Download size per precision, in MB. */
  sizeByDtype?: Partial<Record<string, number>>;
}

interface ParamBase {
  key: string;
  label: string;
  help?: string;
  /** A toggle param this one only matters under (shown disabled otherwise). */
  activeWhen?: string;
}

export type ParamSpec =
  | (ParamBase & { kind: 'range'; min: number; max: number; step: number; default: number })
  | (ParamBase & { kind: 'toggle'; default: boolean });

export type Params = Record<string, number | boolean>;

export interface TaskMeta {
  /** The task's folder name; the Transformers.js pipeline name unless `pipeline` says otherwise. */
  id: string;
  /** The Transformers.js pipeline, when several app tasks share one (e.g. search on feature-extraction). */
  pipeline?: string;
  label: string;
  group: TaskGroup;
  summary: string;
  /** The first entry is the curated default (on the Hub; elsewhere the first one the host has). */
  models: CatalogEntry[];
  /**
   * Hub pipeline tags whose models this task can run, best first, for finding a model on a host that has
   * none of the curated ones (default: the pipeline). E.g. translation also runs text2text-generation models.
   */
  hostTags?: string[];
  params: ParamSpec[];
  /** Loads with onnxruntime-web in its own runner (bundled or dropped models): no Hub plan, browser or cache check. */
  ownLoader?: boolean;
  /** Params the worker never needs (applied to the result in the UI). */
  viewParams?: string[];
}

// ---- worker side ----
// Each task declares its contract once, in its folder's types.ts: the input the UI edits (I), what the worker
// receives (WI: prepare's result, else I), the output (O), the chunks the worker streams (C) and what the UI folds
// them into (P). run.ts and Panel.tsx both take their types from there.

export interface RunContext<WI = unknown, C = unknown, Pipe = unknown> {
  pipe: Pipe;
  input: WI;
  params: Params;
  /** True once the user pressed Stop; cheap enough to check between tokens. */
  interrupted(): boolean;
  emit(chunk: C): void;
}

export interface RunOutcome<O = unknown> {
  output: O;
  stats?: Partial<RunStats>;
}

/** What a task that loads its own models (with onnxruntime-web directly) gets from the worker. */
export interface LoadContext {
  caps: Capabilities;
  onProgress(update: ProgressUpdate): void;
  /** Settles once onnxruntime's WASM paths and threads are configured (shared with Transformers.js). */
  ready: Promise<void>;
}

/**
 * What a task gets to load more of the same model repo next to its pipeline (e.g. CLIP's text tower beside the
 * image pipeline): called while the model's host is in use, with the pipeline's device, precision and revision,
 * and a progress callback that adds its files to the load's progress.
 */
export interface AttachContext {
  model: string;
  options: { device: string; dtype: string; revision?: string; progress_callback(info: unknown): void };
}

/** Pipe is what load() (or the Transformers.js pipeline) returns, as this task calls it. */
export interface TaskRunner<WI = unknown, O = unknown, C = unknown, Pipe = unknown> {
  /** One tiny run so the first real run does not pay for shader/kernels setup. */
  warmup(pipe: Pipe): Promise<void>;
  run(ctx: RunContext<WI, C, Pipe>): Promise<RunOutcome<O>>;
  /** Loads the task's models itself instead of through a Transformers.js pipeline (e.g. raw onnxruntime-web). */
  load?(spec: LoadSpec, ctx: LoadContext): Promise<LoadedPipeline>;
  /** Loads extra parts of the same model after its pipeline (see AttachContext); the pipe's dispose must free them. */
  attach?(pipe: Pipe, ctx: AttachContext): Promise<void>;
  /** With `load`: which precisions the model offers, for the precision picker. */
  inspect?(spec: Pick<LoadSpec, 'model' | 'host' | 'revision' | 'task'>): Promise<ModelReport>;
}

// ---- UI side ----
/** What the app shell hands every panel. Panels never read the store: the shell does, and passes this down. */
export interface PanelContext {
  /** The model chosen for this task ('' when none). */
  model: string;
  params: Params;
  /** What this browser can run on; undefined until the worker has probed it. */
  caps: Capabilities | undefined;
  /** The chosen model's decoder family, once its check has read its config (e.g. openPangu-Embedded). */
  family?: DecoderFamily;
  /** The chosen model's architecture (config.json model_type), once its check has read it. */
  modelType?: string;
}

/** Runs the loaded model on one prepared input outside the run history (live camera frames). */
export interface LiveRunner<WI = unknown, O = unknown> {
  run(input: WI): Promise<O>;
  /** True while a Run from the button has the model; frames wait for it. */
  busy(): boolean;
}

export interface InputProps<I = unknown, O = unknown, WI = unknown> extends PanelContext {
  value: I;
  onChange(next: I): void;
  /** A message about the input, shown next to it. */
  error?: string;
  disabled: boolean;
  /** Runs the task (for inputs with their own submit gesture, e.g. Enter in a chat composer). */
  onRun?(): void;
  live: LiveRunner<WI, O>;
}

export interface OutputProps<I = unknown, O = unknown, P = unknown> extends PanelContext {
  /** The input this output was computed from. */
  input: I;
  output: O | undefined;
  /** The streamed chunks so far, folded by reducePartial (undefined before the first and once done). */
  partial: P | undefined;
  onParamsChange(next: Params): void;
  /** The live input, for views that act on it (e.g. regenerate or edit a chat message). */
  value: I;
  /** Absent where the output is shown read-only (a compare column): actions that change the input are hidden. */
  onChange?(next: I): void;
  onRun?(): void;
  running: boolean;
}

export interface TaskView<I = unknown, O = unknown, P = unknown, WI = unknown, C = unknown> {
  Input: ComponentType<InputProps<I, O, WI>>;
  Output: ComponentType<OutputProps<I, O, P>>;
  defaultInput: I;
  /** Returns a message when the input cannot be run, shown next to the input. */
  validate(input: I, context: PanelContext): string | undefined;
  /** Turns the UI-side input into what the worker receives (structured-clone friendly). */
  prepare?(input: I, context: PanelContext): Promise<WI>;
  /** Reduces a stream of chunks into the value passed to Output as `partial`. */
  reducePartial?(previous: P | undefined, chunk: C): P;
  /** Turns the input into what is run (and kept), e.g. a chat draft into a sent message (the model may decide how). */
  beforeRun?(input: I, context: PanelContext): I;
  /** Folds a finished result back into the input, e.g. a reply into the conversation. */
  applyResult?(input: I, output: O, stats: RunStats): I;
  /** Label of the run button (default "Run"). */
  runLabel?: string;
  /** Render Output even before the first run (it shows state kept in the input). */
  alwaysShowOutput?: boolean;
  /** The input picks the model itself (e.g. a dropped .onnx file): the model bar and load status are hidden. */
  ownModelSource?: boolean;
}

/** A task as the UI sees it; the worker gets its runner from runners.ts. */
export interface TaskModule {
  meta: TaskMeta;
  view(): Promise<TaskView>;
}

/**
 * A view whose Output shows nothing until the run is done (no streamed partials, nothing drawn before a run): the
 * page says "Running…" for it, and draws a short run of it as no run at all (store/runs-slice.ts, shownRun).
 */
export function isOneShot(view: Pick<TaskView, 'reducePartial' | 'alwaysShowOutput'>): boolean {
  return !view.reducePartial && !view.alwaysShowOutput;
}
