// `?task=<id>` opens that task: a plain, shareable link to one task (a share link, `#s=…`, carries a whole demo).
// Once the page is open, the parameter follows the task picker, so the address bar never names another task.

export const TASK_PARAM = 'task';

/** The task a query string asks for, when it is one of `known`. */
export function taskFromSearch(search: string, known: (id: string) => boolean): string | undefined {
  const id = new URLSearchParams(search).get(TASK_PARAM);
  return id && known(id) ? id : undefined;
}

/** The query string with `?task=` set to `task`, other parameters (host, threads) kept in place. */
export function searchWithTask(search: string, task: string): string {
  const params = new URLSearchParams(search);
  params.set(TASK_PARAM, task);
  return `?${params}`;
}
