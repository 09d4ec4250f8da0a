// The opening task's panel is the one file of the first screen that only the app's code can name (the task comes
// from the URL or the last visit), so it was fetched only after the app had run: one more round trip before the
// first paint. The build lists each panel's files in a <meta> (src/start-up-plugin.ts); this preloads the opening
// one's with the app's own files. A wrong guess (a share link names another task) costs one small fetch.
import { preloadFiles } from './preload-links';
import { taskFromSearch } from './share/task-param';

/** The task the page will open on: `?task=`, else the last visit's, else the build's first. */
export function openingTask(search: string, saved: string | null, listed: string[]): string | undefined {
  const fromUrl = taskFromSearch(search, (id) => listed.includes(id));
  if (fromUrl) return fromUrl;
  try {
    const task = (JSON.parse(saved ?? 'null') as { state?: { task?: unknown } } | null)?.state?.task;
    if (typeof task === 'string' && listed.includes(task)) return task;
  } catch {
    // An unreadable saved visit: the app itself starts fresh then.
  }
  return listed[0];
}

/** Parses the <meta>'s `task=file,file;task=…`. */
export function parsePanels(content: string): Map<string, string[]> {
  return new Map(
    content
      .split(';')
      .filter(Boolean)
      .map((entry) => {
        const [task, files = ''] = entry.split('=');
        return [task, files.split(',').filter(Boolean)] as const;
      }),
  );
}

/** Adds modulepreload (or style preload) links for the opening task's panel: fetched, not run. */
export function preloadOpeningPanel(doc: Document, storeKey: string): void {
  const content = doc.querySelector<HTMLMetaElement>('meta[name="task-panels"]')?.content;
  if (!content) return;
  const panels = parsePanels(content);
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(storeKey);
  } catch {
    // Storage blocked: no last visit to follow.
  }
  const task = openingTask(location.search, saved, [...panels.keys()]);
  preloadFiles(doc, (task ? panels.get(task) : undefined) ?? []);
}
