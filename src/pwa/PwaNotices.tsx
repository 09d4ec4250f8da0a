import { useApp } from '../store';
import { usePwa } from './pwa-store';

/**
 * Offline-ready and update-available arrive seconds after the page is drawn (when the service worker has
 * cached the app): they float over the page's bottom edge instead of pushing the whole layout down.
 * Offline-ready is one short line: a two-line toast was the largest text on a phone's first screen, so seconds
 * after the page was ready it became its "largest contentful paint".
 */
export function PwaToasts() {
  const { offlineReady, applyUpdate, dismissOfflineReady } = usePwa();
  if (!offlineReady && !applyUpdate) return null;
  return (
    <div className="toasts">
      {applyUpdate && (
        <div className="banner info" role="status" data-testid="update-notice">
          <span>
            <strong>Update available.</strong> A new version of the playground is ready.
          </span>
          <button type="button" className="primary" onClick={applyUpdate} data-testid="update-reload">
            Reload
          </button>
        </div>
      )}
      {offlineReady && (
        <div className="banner ok" role="status" data-testid="offline-ready">
          <span>
            <strong>Ready to work offline.</strong> Models you run stay cached.
          </span>
          <button type="button" className="link" onClick={dismissOfflineReady} aria-label="Dismiss">
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}

/** The threads-off warning, under the top bar: it stays, and it matters to every run. */
export function PwaNotices() {
  const caps = useApp((s) => s.caps);
  if (!caps || caps.crossOriginIsolated) return null;
  return (
    <div className="banner warn" role="status" data-testid="threads-off">
      <span>
        <strong>WASM threads are off.</strong> This page is not cross-origin isolated, so models on WASM run on one thread
        (slower). Serve it with COOP/COEP headers, or reload once the offline worker is installed.
      </span>
    </div>
  );
}
