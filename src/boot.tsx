// The app's wiring and first render, run by main.tsx once this module and react-dom have been evaluated.
import { StrictMode, startTransition } from 'react';
import type { createRoot as CreateRoot } from 'react-dom/client';
import { App } from './App';
import { createEngine } from './client/engine-client';
import { afterFirstPaint } from './client/first-paint';
import { createSession, type Session } from './session';
import { SessionContext } from './session/react';
import { createHistorySink } from './history/sink';
import { watchHostDefaults } from './store/host-defaults';
import { useApp } from './store';
import { normalizeHost } from './store/settings-slice';
import { registerServiceWorker } from './pwa/register';
import { listenForSharedLinks } from './share/intake';
import { useShareNotice } from './share/share-notice';
import { watchLinkHost } from './store/link-host';
import { TASK_PARAM, searchWithTask, taskFromSearch } from './share/task-param';
import { findTask } from './tasks/registry';
import { followTheme } from './ui/theme';
import { afterFirstGesture, whenSettled } from './client/when-idle';
import { preloadDialogs } from './ui/kit/LazyDialog/LazyDialog';
import { loadTaskView } from './ui/hooks/useTaskView';

/** Everything that must happen before the first render: the theme, the URL's parameters, the engine. */
function wire(): Session {
  // Before the first render: the saved theme (the store rehydrates from localStorage synchronously) is on <html>
  // before React paints anything, so a dark-mode visit never flashes light.
  followTheme(
    () => useApp.getState().theme,
    (onChange) => useApp.subscribe((state, previous) => state.theme !== previous.theme && onChange()),
  );

  // `?host=` points the app at a mirror with the Hub's URL layout (and is remembered).
  const hostParam = new URLSearchParams(location.search).get('host');
  if (hostParam && normalizeHost(hostParam)) useApp.getState().setHost(hostParam);
  // Each untouched task opens on a model this host has (asked now for the open task, later for the others).
  watchHostDefaults();

  // `?task=<id>` opens that task; the parameter then follows the picker (a shared share link still wins).
  const taskParam = taskFromSearch(location.search, (id) => findTask(id) !== undefined);
  if (taskParam) useApp.getState().setTask(taskParam);
  useApp.subscribe((state, previous) => {
    if (state.task === previous.task || !new URLSearchParams(location.search).has(TASK_PARAM)) return;
    history.replaceState(history.state, '', `${location.pathname}${searchWithTask(location.search, state.task)}${location.hash}`);
  });

  // `?threads=N` caps onnxruntime's WASM threads (default: the cores, at most 4), e.g. to leave a core free.
  const threadsParam = Number(new URLSearchParams(location.search).get('threads'));
  const session = createSession({
    // The worker (most of the page's JavaScript) starts once the first screen is painted, or when asked for.
    engine: createEngine(afterFirstPaint(document.getElementById('root')!)),
    store: useApp,
    maxThreads: threadsParam >= 1 ? Math.floor(threadsParam) : undefined,
    history: createHistorySink(),
  });
  listenForSharedLinks();
  // A linked demo's host applies to its task only: another task goes back to the user's own host.
  watchLinkHost(() => useShareNotice.getState().hide());
  // The service worker's install precaches the whole app (the runtime's WASM included): its fetches and cache
  // writes wait until the first screen has settled instead of sharing a phone's cores and network with it.
  whenSettled(registerServiceWorker);
  return session;
}

/**
 * Wires the app now, then creates the React root and renders in the next tasks: each of these steps is a few
 * tens of ms on a slow phone, and one task holding all of them blocks input for their sum.
 */
export async function startApp(createRoot: typeof CreateRoot, nextTask: () => Promise<void>): Promise<void> {
  const session = wire();
  // The open task's panel is fetched while the root is made, so the first render is the whole first screen:
  // one layout instead of a second one (and a shift) when the panel arrives.
  const firstView = loadTaskView(useApp.getState().task).catch(() => undefined);
  await nextTask();
  const root = createRoot(document.getElementById('root')!);
  await firstView;
  await nextTask();
  // A transition renders in slices that yield to the browser every few ms, instead of one long start-up task.
  startTransition(() =>
    root.render(
      <StrictMode>
        <SessionContext value={session}>
          <App />
        </SessionContext>
      </StrictMode>,
    ),
  );
  // The dialogs' code is fetched once someone starts using the page (they then open at once, offline too). Not on
  // a press in the notices: "Update available → Reload" hands the page to the new service worker, and fetches that
  // very press started kept the hand-over from ever reloading the page (e2e/pwa.spec.ts).
  afterFirstGesture(() => preloadDialogs(), { ignore: (event) => event.target instanceof Element && event.target.closest('.toasts') !== null });
}
