import { useCallback } from 'react';
import { useSession } from '../../../session/react';
import { unaskable } from '../../../session/spec';
import { useApp } from '../../../store';

/** The model field's element id: one model bar per page. */
export const MODEL_FIELD_ID = 'model-field';

/**
 * Run, as every Run gesture (button, Enter in chat, Ctrl+Enter) does it. With a model id that cannot be asked for,
 * nothing runs and its message is next to the model field: the field gets the focus, which scrolls it (and the
 * message) into view — on a phone the Run button is far below it, and Run would otherwise seem to do nothing.
 */
export function useRun(): () => void {
  const { runTask } = useSession();
  return useCallback(() => {
    if (unaskable(useApp.getState())) {
      document.getElementById(MODEL_FIELD_ID)?.focus();
      return;
    }
    void runTask();
  }, [runTask]);
}
