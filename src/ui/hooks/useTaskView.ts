import { startTransition, useEffect, useState } from 'react';
import { findTask } from '../../tasks/registry';
import type { TaskView } from '../../tasks/types';

// Views already fetched, so a task shown again (or the first screen's, loaded before the first render) renders
// in the same pass as the page around it instead of in a second one.
const loaded = new Map<string, TaskView>();

/** Fetches a task's view chunk and keeps it; resolves undefined for an unknown task. */
export async function loadTaskView(taskId: string): Promise<TaskView | undefined> {
  const known = loaded.get(taskId);
  if (known) return known;
  const view = await findTask(taskId)?.view();
  if (view) loaded.set(taskId, view);
  return view;
}

/** Loads a task's view module on demand (each task's UI is its own chunk). */
export function useTaskView(taskId: string): TaskView | undefined {
  const [shown, setShown] = useState<{ id: string; view: TaskView } | undefined>(() => {
    const view = loaded.get(taskId);
    return view && { id: taskId, view };
  });
  const ready = loaded.get(taskId);
  useEffect(() => {
    if (ready) return;
    let live = true;
    // A transition: the task's first render yields to the browser instead of blocking it.
    void loadTaskView(taskId).then((view) => live && view && startTransition(() => setShown({ id: taskId, view })));
    return () => {
      live = false;
    };
  }, [taskId, ready]);
  return ready ?? (shown?.id === taskId ? shown.view : undefined);
}
