import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import { TASKS, findTask } from '../../../tasks/registry';
import type { TaskGroup } from '../../../tasks/types';
import { useApp } from '../../../store';
import { useMediaQuery } from '../../hooks/useMediaQuery';
import { NARROW_LAYOUT, revealWorkspace } from '../../layout/narrow';

const GROUPS: TaskGroup[] = ['Text', 'Vision', 'Tools'];

/** While the narrow layout's task menu is open: Escape or a press outside it closes it. */
function useDismiss(open: boolean, close: (refocus: boolean) => void, inside: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close(true);
    const onPointer = (event: PointerEvent) => !inside.current?.contains(event.target as Node) && close(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, close, inside]);
}

/**
 * The task list: a sidebar on wide screens; on narrow ones a "Task" menu button above the workspace whose list
 * opens over it, so the workspace comes first. Choosing a task brings its workspace into view.
 */
export function TaskPicker() {
  const task = useApp((s) => s.task);
  const setTask = useApp((s) => s.setTask);
  const narrow = useMediaQuery(NARROW_LAYOUT);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const nav = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) menuButton.current?.focus();
  }, []);
  useDismiss(narrow && open, close, nav);

  // Opening the menu puts the keyboard on the current task, as a menu would.
  useEffect(() => {
    if (narrow && open) nav.current?.querySelector<HTMLButtonElement>('.task-groups [aria-current]')?.focus();
  }, [narrow, open]);

  const choose = (id: string) => {
    setTask(id);
    setOpen(false);
    revealWorkspace(narrow);
  };

  return (
    <nav ref={nav} className={`task-picker${narrow ? ' collapsed' : ''}`} aria-label="Tasks">
      {narrow && (
        <button
          ref={menuButton}
          type="button"
          className="task-menu-button secondary"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((was) => !was)}
          data-testid="task-menu-button"
        >
          <span className="muted">Task</span>
          <strong>{findTask(task)?.meta.label ?? task}</strong>
          <span aria-hidden="true" className="task-menu-caret">▾</span>
        </button>
      )}
      <div id={listId} className="task-groups" hidden={narrow && !open}>
        {GROUPS.map((group) => (
          <section key={group}>
            <h2>{group}</h2>
            <ul>
              {TASKS.filter((t) => t.meta.group === group).map(({ meta }) => (
                <li key={meta.id}>
                  <button
                    type="button"
                    className={meta.id === task ? 'active' : undefined}
                    aria-current={meta.id === task ? 'page' : undefined}
                    onClick={() => choose(meta.id)}
                    data-testid={`task-${meta.id}`}
                  >
                    {meta.label}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </nav>
  );
}
