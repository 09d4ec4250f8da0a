import { startTransition, useEffect, useState } from 'react';
import { findTask } from '../../tasks/registry';
import type { TaskView } from '../../tasks/types';

/** Loads a task's view module on demand (each task's UI is its own chunk). */
export function useTaskView(taskId: string): TaskView | undefined {
  const [loaded, setLoaded] = useState<{ id: string; view: TaskView }>();
  useEffect(() => {
    let live = true;
    void findTask(taskId)
      ?.view()
      // A transition: the task's first render yields to the browser instead of blocking it.
      .then((view) => live && startTransition(() => setLoaded({ id: taskId, view })));
    return () => {
      live = false;
    };
  }, [taskId]);
  return loaded?.id === taskId ? loaded.view : undefined;
}
