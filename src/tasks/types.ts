import type { ComponentType } from 'react';
import type { RunStats } from '../protocol/messages';

export type TaskGroup = 'Text' | 'Vision';

export interface CatalogEntry {
  id: string;
  /** One line on what it is good for. */
  note: string;
  /** Approximate download for the default precision, in MB. */
  sizeMB?: number;
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
  /** The first entry is the curated default. */
  models: CatalogEntry[];
  params: ParamSpec[];
  /** Params the worker never needs (applied to the result in the UI). */
  viewParams?: string[];
}

// ---- worker side ----
export interface RunContext {
  pipe: unknown;
  input: unknown;
  params: Params;
  /** True once the user pressed Stop; cheap enough to check between tokens. */
  interrupted(): boolean;
  emit(partial: unknown): void;
}

export interface RunOutcome {
  output: unknown;
  stats?: Partial<RunStats>;
}

export interface TaskRunner {
  /** One tiny run so the first real run does not pay for shader/kernels setup. */
  warmup(pipe: unknown): Promise<void>;
  run(ctx: RunContext): Promise<RunOutcome>;
}

// ---- UI side ----
export interface InputProps<I = unknown> {
  value: I;
  onChange(next: I): void;
  /** A message about the input, shown next to it. */
  error?: string;
  disabled: boolean;
}

export interface OutputProps<I = unknown, O = unknown> {
  input: I;
  output: O | undefined;
  partial: unknown;
  params: Params;
  onParamsChange(next: Params): void;
}

export interface TaskView<I = unknown, O = unknown> {
  Input: ComponentType<InputProps<I>>;
  Output: ComponentType<OutputProps<I, O>>;
  defaultInput: I;
  /** Returns a message when the input cannot be run, shown next to the input. */
  validate(input: I): string | undefined;
  /** Turns the UI-side input into what the worker receives (structured-clone friendly). */
  prepare?(input: I): Promise<unknown>;
  /** Reduces a stream of partials into the value passed to Output as `partial`. */
  reducePartial?(previous: unknown, chunk: unknown): unknown;
}

export interface TaskModule {
  meta: TaskMeta;
  runner(): Promise<TaskRunner>;
  view(): Promise<TaskView>;
}
