import type { LoadState, PlanReport } from '../../../store/models-slice';
import { planKey } from '../../../session/spec';
import type { WireError } from '../../../protocol/messages';

/** Errors whose cause is the chosen model itself (its id, files, precision or architecture), not the loading. */
const ABOUT_THE_MODEL = new Set(['ModelNotFoundError', 'NoOnnxWeightsError', 'DtypeUnavailableError', 'UnsupportedModelError', 'IncompleteModelError']);

export function isModelError(error: WireError | undefined): boolean {
  return Boolean(error && ABOUT_THE_MODEL.has(error.name));
}

/**
 * A failed load of the chosen model that the model bar reports (the load status then does not): one about the
 * model itself, or one the model check already found (the host could not be reached, say) — the same cause.
 */
export function loadErrorAboutModel(load: LoadState, plan: PlanReport | undefined, key: string): WireError | undefined {
  if (load.status !== 'error' || !load.spec || !load.error || planKey(load.spec) !== key) return undefined;
  const checkFoundIt = plan?.key === key && plan.status === 'error' && plan.error?.name === load.error.name;
  return isModelError(load.error) || checkFoundIt ? load.error : undefined;
}

/**
 * The one error the model bar shows for the chosen model: a failed load's (the newest word on it) or else the
 * check's, so a model that is not there is reported once, next to the model field, however it was found out.
 */
export function modelBarError(plan: PlanReport | undefined, loadError: WireError | undefined, key: string): { error: WireError; fromLoad: boolean } | undefined {
  if (loadError) return { error: loadError, fromLoad: true };
  if (plan?.key === key && plan.status === 'error' && plan.error) return { error: plan.error, fromLoad: false };
  return undefined;
}
