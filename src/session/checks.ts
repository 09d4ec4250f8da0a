// The checks the model bar shows before a load: what loading would fetch (the plan), and which
// precisions the model ships. An answer that comes back after the user chose another model is dropped.
import { toWire } from '../protocol/errors';
import type { LoadSpec } from '../protocol/messages';
import { findTask } from '../tasks/registry';
import { hostHeld } from '../store/link-host';
import type { SessionDeps } from './deps';
import { planKey, specOf, syncLocalFolder, unaskable } from './spec';

export interface Checks {
  checkPlan(): Promise<void>;
  /** Checks the plan of this spec again, when it is the one shown (what it says is cached has changed). */
  refreshPlan(spec: LoadSpec): void;
  checkDtypes(): Promise<void>;
}

export function createChecks({ engine, store }: SessionDeps): Checks {
  const state = store.getState;

  /** Works out what loading the chosen model will fetch (files, sizes, precision, support). */
  async function checkPlan(): Promise<void> {
    const spec = specOf(state());
    const key = planKey(spec);
    if (!spec.model || hostHeld(state()) || state().plan?.key === key || findTask(spec.task)?.meta.ownLoader || unaskable(state())) return;
    state().setPlan({ key, status: 'checking' });
    try {
      await syncLocalFolder(engine, spec);
      const plan = await engine.call({ type: 'plan', spec });
      if (state().plan?.key === key) state().setPlan({ key, status: 'ready', plan });
    } catch (error) {
      if (state().plan?.key === key) state().setPlan({ key, status: 'error', error: toWire(error) });
    }
  }

  function refreshPlan(spec: LoadSpec): void {
    if (state().plan?.key !== planKey(spec)) return;
    state().setPlan(undefined);
    void checkPlan();
  }

  /** Asks the host which precisions the chosen model ships, for the dtype picker. */
  async function checkDtypes(): Promise<void> {
    const spec = specOf(state());
    const { model, host, revision, task, pipeline } = spec;
    const key = `${host}|${model}|${revision}`;
    if (!model || hostHeld(state()) || state().dtypes?.key === key || unaskable(state())) return;
    state().setDtypes({ key, status: 'checking', available: [] });
    try {
      await syncLocalFolder(engine, spec);
      const report = await engine.call({ type: 'dtypes', spec: { model, host, revision, task, pipeline } });
      if (state().dtypes?.key === key) state().setDtypes({ key, status: 'ready', ...report });
    } catch (error) {
      if (state().dtypes?.key === key) state().setDtypes({ key, status: 'error', available: [], error: toWire(error) });
    }
  }

  return { checkPlan, refreshPlan, checkDtypes };
}
