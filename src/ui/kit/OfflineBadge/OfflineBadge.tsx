import { useOnline } from '../../hooks/useOnline';

/**
 * Says so in the top bar while the browser is offline. The status region stays mounted (empty when online) so
 * screen readers announce the change when it happens.
 */
export function OfflineBadge() {
  const online = useOnline();
  return (
    <span role="status" className="offline-status" data-testid="offline-status">
      {!online && (
        <span className="badge warn" data-testid="offline-badge" title="Models already in this browser's cache run without a network; new downloads wait until you are back online.">
          Offline — cached models still run
        </span>
      )}
    </span>
  );
}
