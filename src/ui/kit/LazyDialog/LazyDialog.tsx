import { Suspense, lazy, useState, type ComponentType } from 'react';
import { PanelBoundary } from '../PanelBoundary/PanelBoundary';

export interface DialogProps {
  onClose(): void;
}

/**
 * A dialog whose code is its own chunk, fetched the first time it opens: the first screen does not need it,
 * and every kilobyte in the main bundle is parsed and run in the start-up task. Until the chunk arrives
 * (a local or precached file) nothing shows; should it fail, the notice says so where the dialog would be.
 */
export function lazyDialog(load: () => Promise<ComponentType<DialogProps>>): ComponentType<DialogProps> {
  const Loaded = lazy(() => load().then((component) => ({ default: component })));
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
