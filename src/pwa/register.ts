// Registers the service worker (production builds only) and turns its life cycle into the
// "Ready to work offline" and "Update available — reload" notices.
import { usePwa } from './pwa-store';

const OFFLINE_READY_KEY = 'model-playground:offline-ready-pending';
const COI_RELOAD_KEY = 'model-playground:coi-reload';

function offerUpdate(waiting: ServiceWorker): void {
  usePwa.setState({
    applyUpdate: () => {
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
      waiting.postMessage({ type: 'SKIP_WAITING' });
    },
  });
}

/** A newer build installing beside the one serving this page: offer it once it is installed. */
function watchForUpdate(worker: ServiceWorker): void {
  if (worker.state === 'installed') offerUpdate(worker);
  worker.addEventListener('statechange', () => worker.state === 'installed' && offerUpdate(worker));
}

/**
 * On a host that sends no COOP/COEP, the page is only isolated once the worker serves it: reload
 * once, now that it is active (it serves every navigation from here on). The flag stops a loop
 * where isolation is impossible (e.g. a browser without SharedArrayBuffer).
 */
function afterFirstActivation(): void {
  if (!globalThis.crossOriginIsolated && !sessionStorage.getItem(COI_RELOAD_KEY)) {
    sessionStorage.setItem(COI_RELOAD_KEY, '1');
    location.reload();
    return;
  }
  sessionStorage.removeItem(OFFLINE_READY_KEY);
  usePwa.setState({ offlineReady: true });
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (globalThis.crossOriginIsolated) sessionStorage.removeItem(COI_RELOAD_KEY);
  if (sessionStorage.getItem(OFFLINE_READY_KEY) && navigator.serviceWorker.controller) {
    sessionStorage.removeItem(OFFLINE_READY_KEY);
    usePwa.setState({ offlineReady: true });
  }
  const hadController = Boolean(navigator.serviceWorker.controller);
  const base = import.meta.env.BASE_URL;
  // After the page has loaded: precaching should not compete with the first paint.
  if (document.readyState !== 'complete') {
    window.addEventListener('load', () => registerServiceWorker(), { once: true });
    return;
  }
  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base })
    .then((registration) => {
      if (!hadController) {
        // First install: once it is active, the app works offline (and can be isolated).
        void navigator.serviceWorker.ready.then(() => {
          sessionStorage.setItem(OFFLINE_READY_KEY, '1');
          afterFirstActivation();
        });
        return;
      }
      if (registration.waiting) offerUpdate(registration.waiting);
      if (registration.installing) watchForUpdate(registration.installing);
      registration.addEventListener('updatefound', () => registration.installing && watchForUpdate(registration.installing));
      // A tab left open for days still hears about new builds.
      setInterval(() => void registration.update().catch(() => undefined), 60 * 60 * 1000);
    })
    .catch((error: unknown) => console.warn('Service worker registration failed; the app will not work offline.', error));
}
