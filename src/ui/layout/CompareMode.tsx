// The workspace's Single / Compare switch. Compare's code is its own chunk, fetched when it first opens.
import { Suspense, lazy, type ComponentProps } from 'react';
import { useCompare } from '../../compare/compare-store';
import { PanelBoundary } from '../kit/PanelBoundary/PanelBoundary';

const CompareView = lazy(() => import('../../compare/CompareView').then((m) => ({ default: m.CompareView })));

export const useCompareOpen = () => useCompare((s) => s.open);

export function CompareToggle() {
  const open = useCompareOpen();
  const setOpen = useCompare((s) => s.setOpen);
  return (
    <div className="mode-toggle" role="group" aria-label="Mode">
      <button type="button" aria-pressed={!open} onClick={() => setOpen(false)} data-testid="mode-single">
        Single
      </button>
      <button type="button" aria-pressed={open} onClick={() => setOpen(true)} data-testid="mode-compare">
        Compare
      </button>
    </div>
  );
}

export function LazyCompareView(props: ComponentProps<typeof CompareView>) {
  return (
    <PanelBoundary fallback={<p className="notice notice-error" role="alert">Compare could not be loaded. Reload the page to try again.</p>} onError={() => undefined}>
      <Suspense fallback={<p className="muted">Opening Compare…</p>}>
        <CompareView {...props} />
      </Suspense>
    </PanelBoundary>
  );
}
