import type { Params, RunContext, TaskRunner } from '../types';

/**
 * A run context for runner unit tests. Input and pipe are left untyped on purpose: the worker receives whatever
 * postMessage carried, so the tests also feed runners malformed input and half-built fake pipelines.
 */
export function fakeContext<R extends TaskRunner<any, any, any, any>>(
  _runner: R,
  input: unknown,
  pipe: unknown,
  params: Params = {},
  emit: (chunk: unknown) => void = () => {},
): Parameters<R['run']>[0] {
  const ctx: RunContext<unknown, unknown, unknown> = { pipe, input, params, interrupted: () => false, emit };
  return ctx as Parameters<R['run']>[0];
}

/** A fake pipeline (which fakes only what the runner calls) passed where the runner's warmup expects its pipe. */
export function fakePipe<R extends TaskRunner<any, any, any, any>>(_runner: R, pipe: unknown): Parameters<R['warmup']>[0] {
  return pipe as Parameters<R['warmup']>[0];
}
