import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createEngine } from './client/engine-client';
import { connectEngine } from './store/actions';
import { useApp } from './store';
import { normalizeHost } from './store/settings-slice';
import './styles.css';
import { registerServiceWorker } from './pwa/register';
import { listenForSharedLinks } from './share/intake';
import { followTheme } from './ui/theme';

// Before the first render: the saved theme (the store rehydrates from localStorage synchronously) is on <html>
// before React paints anything, so a dark-mode visit never flashes light.
followTheme(
  () => useApp.getState().theme,
  (onChange) => useApp.subscribe((state, previous) => state.theme !== previous.theme && onChange()),
);

// `?host=` points the app at a mirror with the Hub's URL layout (and is remembered).
const hostParam = new URLSearchParams(location.search).get('host');
if (hostParam && normalizeHost(hostParam)) useApp.getState().setHost(hostParam);

// `?threads=N` caps onnxruntime's WASM threads (default: the cores, at most 4), e.g. to leave a core free.
const threadsParam = Number(new URLSearchParams(location.search).get('threads'));
connectEngine(createEngine(), { maxThreads: threadsParam >= 1 ? Math.floor(threadsParam) : undefined });
listenForSharedLinks();
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
