// Pure reads of the store: what the open task would load, and whether it is loaded already.
import type { LoadSpec, ModelFacts, ModelPlan } from '../protocol/messages';
import { decoderFamilyOf, type DecoderFamily } from '../models/decoder-family';
import { InvalidInputError } from '../protocol/errors';
import { LOCAL_HOST, isLocalRef, localModelId, localRefName } from '../models/local-ref';
import { getLocalFolder } from '../models/local-folders';
import { findTask } from '../tasks/registry';
import type { AppState } from '../store';
import { modelFieldProblem } from '../models/model-field';
import type { Engine } from './deps';
import { threadsFor } from '../protocol/thread-choice';

/** The load spec of the open task's chosen model, host, revision, device and precision. */
export function specOf(s: AppState): LoadSpec {
  const meta = findTask(s.task)?.meta;
  const model = (s.modelByTask[s.task] ?? '').trim();
  // A folder from disk is served by the worker itself under a host that never resolves.
  const local = isLocalRef(model);
  return {
    task: s.task,
    pipeline: meta?.pipeline ?? s.task,
    model: local ? localModelId(localRefName(model)) : model,
    host: local ? LOCAL_HOST : s.host,
    revision: s.revision,
    device: s.device,
    dtype: s.dtypeByTask[s.task] ?? 'auto',
  };
}

/**
 * The model field's text is not a model that can be asked for (its message shows next to the field): nothing is
 * checked, loaded or run for it — Transformers.js would turn an id it cannot use into a false "Model not found".
 */
export function unaskable(s: AppState): boolean {
  const model = (s.modelByTask[s.task] ?? '').trim();
  // An empty field is not this: a load then says which model to put where (NoModelError, see load.ts).
  return model !== '' && Boolean(modelFieldProblem(model));
}

export function planKey(spec: LoadSpec): string {
  return [spec.host, spec.model, spec.revision, spec.pipeline, spec.device, spec.dtype].join('|');
}

/**
 * The thread count to run `spec` on, from the plan the page already has for it (undefined while it has none): a small
 * decoder wants one thread (thread-choice.ts). The page starts its worker on it, and hands it with the load so the
 * worker need not plan the model again.
 */
export function plannedThreads(s: Pick<AppState, 'plan' | 'caps'>, spec: LoadSpec): number | undefined {
  const plan = planFor(s, spec);
  return s.caps && plan ? threadsFor(spec.pipeline, plan, s.caps.threads) : undefined;
}

/** What the page's plan of `spec` found about the model (undefined while it has none), handed to the load. */
export function plannedFacts(s: Pick<AppState, 'plan'>, spec: LoadSpec): ModelFacts | undefined {
  const plan = planFor(s, spec);
  if (!plan) return undefined;
  const { available, configDtype, modelType, architectures } = plan;
  return { available, architectures, ...(configDtype === undefined ? {} : { configDtype }), ...(modelType === undefined ? {} : { modelType }) };
}

export const sameSpec = (a: LoadSpec | undefined, b: LoadSpec): boolean => JSON.stringify(a) === JSON.stringify(b);

export function sameAsLoaded(s: AppState, spec: LoadSpec): boolean {
  return s.load.status === 'ready' && sameSpec(s.load.spec, spec);
}

/** Hands the files of a local folder to the worker (again after a restart: it is cheap, no bytes are copied). */
export async function syncLocalFolder(engine: Engine, spec: LoadSpec): Promise<void> {
  if (spec.host !== LOCAL_HOST) return;
  const name = spec.model.slice(spec.model.indexOf('/') + 1);
  const folder = getLocalFolder(name);
  if (!folder) {
    throw new InvalidInputError(
      `The files of the folder "${name}" are not open any more: files picked from disk are not kept after a reload.`,
      'Pick the folder again in Browse models → Local folder.',
    );
  }
  await engine.call({ type: 'local-folder', name, files: folder.files });
}

/** The plan of exactly `spec`, once its check has answered (a plan is there only then). */
export function planFor(s: Pick<AppState, 'plan'>, spec: LoadSpec): ModelPlan | undefined {
  return s.plan?.key === planKey(spec) ? s.plan.plan : undefined;
}

/** The chosen model's plan, when its check has answered for exactly the spec the page shows. */
export function checkedPlan(s: AppState): ModelPlan | undefined {
  return planFor(s, specOf(s));
}

/**
 * What the open task's model check read from the model's config, for its panel (PanelContext.family, .modelType):
 * nothing until the check has answered. The family objects are constants, so a shallow comparison holds.
 */
export function checkedModel(s: AppState): { family?: DecoderFamily; modelType?: string } {
  const plan = checkedPlan(s);
  return plan ? { family: decoderFamilyOf(plan.modelType, plan.architectures), modelType: plan.modelType } : {};
}
