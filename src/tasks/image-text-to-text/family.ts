// Which UI a model gets (Florence-2's task prompts or a chat) follows its own config.json: the model check reads
// `model_type` before anything large downloads. Until it has (or where it cannot: a folder not yet read), a model
// whose id names Florence-2 gets its prompts; the worker decides by the config either way.
import { useApp, type AppState } from '../../store';

/** The architecture the model check read from this model's config.json, if it has. */
export function checkedModelType(state: Pick<AppState, 'plan'>, model: string): string | undefined {
  const plan = state.plan;
  return plan?.status === 'ready' && plan.key.split('|')[1] === model ? plan.plan?.modelType : undefined;
}

export const isFlorence = (model: string, modelType: string | undefined): boolean =>
  modelType ? modelType === 'florence2' : /florence/i.test(model);

/** For a component: re-renders when the model check answers. */
export function useIsFlorence(model: string): boolean {
  return isFlorence(model, useApp((state) => checkedModelType(state, model)));
}

/** For a run's checks (validate, beforeRun): what is known now. */
export function isFlorenceNow(model: string): boolean {
  return isFlorence(model, checkedModelType(useApp.getState(), model));
}
