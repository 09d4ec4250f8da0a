/** Phones and small tablets: the task list collapses into a menu (the same breakpoint as styles.css). */
export const NARROW_LAYOUT = '(max-width: 800px)';

export const WORKSPACE_ID = 'workspace';

/**
 * After a task is chosen: scrolls its workspace into view when it is not (always on narrow screens, where the
 * menu sat above it), and on narrow screens moves focus there, since the menu that had it has closed.
 */
export function revealWorkspace(narrow: boolean): void {
  // The next frame: React has rendered the chosen task by then.
  requestAnimationFrame(() => {
    const workspace = document.getElementById(WORKSPACE_ID);
    if (!workspace) return;
    if (narrow) workspace.focus({ preventScroll: true });
    if (narrow || workspace.getBoundingClientRect().top < 0) workspace.scrollIntoView({ block: 'start' });
  });
}
