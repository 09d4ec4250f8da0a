import { TASKS } from '../../../tasks/registry';
import type { TaskGroup } from '../../../tasks/types';
import { useApp } from '../../../store';

const GROUPS: TaskGroup[] = ['Text', 'Vision', 'Tools'];

export function TaskPicker() {
  const task = useApp((s) => s.task);
  const setTask = useApp((s) => s.setTask);
  return (
    <nav className="task-picker" aria-label="Tasks">
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
                  onClick={() => setTask(meta.id)}
                  data-testid={`task-${meta.id}`}
                >
                  {meta.label}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
