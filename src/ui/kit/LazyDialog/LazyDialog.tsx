import { Suspense, lazy, useState, type ComponentType } from 'react';
import { PanelBoundary } from '../PanelBoundary/PanelBoundary';
import { preloadFiles } from '../../../preload-links';
import { inIdlePeriod } from '../../../client/when-idle';

export interface DialogProps {
  onClose(): void;
}

const loaders = new Set<() => Promise<unknown>>();

/**
 * Fetches every lazy dialog's chunk now. Called after the first key or pointer press (boot.tsx): the dialogs then open at once, and
 * still open after the connection drops (a page without a service worker cannot fetch them offline).
 * The build lists their files in a <meta> (src/start-up-plugin.ts): each becomes a `modulepreload` (fetched and
 * parsed into the page's module map, not run: running them all was one long task) or a style preload; the
 * dialog's own import() then finds them there. The dev server has no such list: there the chunks are imported.
 */
export function preloadDialogs(doc: Document = document, later: (work: () => void) => void = (work) => inIdlePeriod(work)): void {
  const listed = doc.querySelector<HTMLMetaElement>('meta[name="idle-preload"]');
  if (!listed) {
    for (const load of loaders) void load().catch(() => undefined);
    return;
  }
  // One file per idle period: each new link makes the browser fetch and compile a module, and all of them in
  // one task made a long one on a slow phone.
  const files = listed.content.split(/\s+/).filter(Boolean);
  const next = () => {
    const file = files.shift();
    if (file === undefined) return;
    preloadFiles(doc, [file]);
    if (files.length > 0) later(next);
  };
  next();
}


/**
 * A dialog whose code is its own chunk, fetched the first time it opens: the first screen does not need it,
 * and every kilobyte in the main bundle is parsed and run in the start-up task. Until the chunk arrives
 * (a local or precached file) nothing shows; should it fail, the notice says so where the dialog would be.
 */
export function lazyDialog(load: () => Promise<ComponentType<DialogProps>>): ComponentType<DialogProps> {
  let loading: Promise<ComponentType<DialogProps>> | undefined;
  // One fetch shared by a preload and the first open; a failed one (offline) may be tried again.
  const once = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  loaders.add(once);
  const Loaded = lazy(() => once().then((component) => ({ default: component })));
  return function LazyDialog({ onClose }: DialogProps) {
    const [error, setError] = useState<Error>();
    if (error) {
      return (
        <p className="notice error" role="alert" data-testid="dialog-load-error">
          This dialog could not be loaded ({error.message}).{' '}
          <button type="button" className="link" onClick={onClose}>Close</button>
        </p>
      );
    }
    return (
      <PanelBoundary onError={setError}>
        <Suspense fallback={null}>
          <Loaded onClose={onClose} />
        </Suspense>
      </PanelBoundary>
    );
  };
}
