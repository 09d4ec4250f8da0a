import { useApp } from '../../store';

/**
 * The translation model chosen in the model bar, for the view's validate() and prepare(): the run controller
 * (store/actions.ts) calls them with the input alone. The one place under src/tasks that reads the store; it goes
 * once the controller passes the panel context (model, params, capabilities) to them as well.
 */
export const currentTranslationModel = () => useApp.getState().modelByTask.translation ?? '';
