// The workspace's Single / Compare switch. Compare's code is its own chunk, fetched when it first opens.
import { Suspense, lazy, useState, type ComponentProps } from 'react';
import { useCompare } from '../../compare/compare-store';
import { PanelBoundary } from '../kit/PanelBoundary/PanelBoundary';

const CompareView = lazy(() => import('../../compare/CompareView').then((m) => ({ default: m.CompareView })));

export const useCompareOpen = () => useCompare((s) => s.open);
export const compareOpen = () => useCompare.getState().open;

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
  const [failure, setFailure] = useState<string>();
  return (
    <PanelBoundary
      key={props.meta.id}
      fallback={<p className="notice notice-error" role="alert" data-testid="compare-failed">Compare could not be shown ({failure}). Switch to Single, or reload the page.</p>}
      onError={(error) => setFailure(error.message.slice(0, 300))}
    >
      <Suspense fallback={<p className="muted">Opening Compare…</p>}>
        <CompareView {...props} />
      </Suspense>
    </PanelBoundary>
  );
}
