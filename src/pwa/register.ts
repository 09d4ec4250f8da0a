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

function whenInstalled(worker: ServiceWorker, hadController: boolean): void {
  worker.addEventListener('statechange', () => {
    if (worker.state === 'installed' && hadController) offerUpdate(worker);
    if (worker.state === 'activated' && !hadController) {
      sessionStorage.setItem(OFFLINE_READY_KEY, '1');
      afterFirstActivation();
    }
  });
}

/**
 * On a host that sends no COOP/COEP, the page is only isolated once the worker serves it: reload
 * once, when the worker has taken over. The flag stops a loop where isolation is impossible.
 */
function afterFirstActivation(): void {
  if (!globalThis.crossOriginIsolated && !sessionStorage.getItem(COI_RELOAD_KEY)) {
    sessionStorage.setItem(COI_RELOAD_KEY, '1');
    if (navigator.serviceWorker.controller) location.reload();
    else navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
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
  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base })
    .then((registration) => {
      if (registration.waiting && hadController) offerUpdate(registration.waiting);
      if (registration.installing) whenInstalled(registration.installing, hadController);
      registration.addEventListener('updatefound', () => registration.installing && whenInstalled(registration.installing, hadController));
      // A tab left open for days still hears about new builds.
      setInterval(() => void registration.update().catch(() => undefined), 60 * 60 * 1000);
    })
    .catch((error: unknown) => console.warn('Service worker registration failed; the app will not work offline.', error));
}
