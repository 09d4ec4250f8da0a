import './styles.css';
import { preloadOpeningPanel } from './opening-panel';

// The opening task's panel is fetched with the app's own files. The key is the store's (src/store/index.ts,
// STORE_KEY): not imported, which would pull the store into this entry's first task; a unit test keeps them equal.
export const SAVED_VISIT_KEY = 'model-playground';
preloadOpeningPanel(document, SAVED_VISIT_KEY);

// Start-up as several tasks instead of one: evaluating react-dom (two thirds of the JavaScript), evaluating
// the app's modules, creating the root and rendering each run in a task of their own, so the page answers
// input in between (Lighthouse's "no start-up task over 50 ms"). Both chunks are fetched in parallel from the
// start (modulepreload links, see src/start-up-plugin.ts); each dynamic import is evaluated in the task
// that completes it.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const reactDom = import('react-dom/client');
const boot = import('./boot');
const { createRoot } = await reactDom;
await nextTask();
const { startApp } = await boot;
await nextTask();
await startApp(createRoot, nextTask);
