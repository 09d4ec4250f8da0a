// When the first screen has been painted: work that is not part of it (starting the inference worker, whose
// script and onnxruntime are most of the page's JavaScript) waits for this, so it does not share the network and
// the main thread with the first screen's own files and render.

/**
 * Resolves in the task after the frame that first put content into `root` (React's first commit), or after
 * `maxMs` should that never come (a render error, a test without React).
 */
export function afterFirstPaint(root: Element, maxMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      observer.disconnect();
      // The frame that paints the commit runs its rAF callbacks first; the task after it comes after the paint.
      requestAnimationFrame(() => setTimeout(finish, 0));
    });
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    if (root.firstChild) requestAnimationFrame(() => setTimeout(finish, 0));
    else observer.observe(root, { childList: true });
    timer = setTimeout(finish, maxMs);
  });
}
