// Files fetched ahead of need without being run: a script as a `modulepreload` (fetched and parsed into the page's
// module map; the import() that needs it later finds it there, offline too), a style sheet as a style preload.
// Used for the opening task's panel (main.tsx) and the dialogs once the page has settled (LazyDialog).

export function preloadFiles(doc: Document, hrefs: readonly string[]): void {
  for (const href of hrefs) {
    const link = doc.createElement('link');
    if (href.endsWith('.css')) {
      link.rel = 'preload';
      link.as = 'style';
    } else {
      link.rel = 'modulepreload';
    }
    // As Vite's own preloads, so the later fetch of the same file matches this one.
    link.crossOrigin = '';
    link.href = href;
    doc.head.append(link);
  }
}
