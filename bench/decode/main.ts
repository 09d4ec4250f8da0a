// The bare page of scripts/decode-profile.mjs: starts the worker with the URL's settings and puts its
// report on `window.decodeProfile` (and on the page). Partials are received here as the app receives them.
const params = Object.fromEntries(new URL(location.href).searchParams);
const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
let partials = 0;
worker.onmessage = (event: MessageEvent<{ type: string; report?: unknown; error?: string }>) => {
  const { type } = event.data;
  if (type === 'partial') partials += 1;
  if (type === 'done' || type === 'error') {
    const report = { ...(event.data.report as object), error: event.data.error, partialsReceived: partials };
    (window as unknown as { decodeProfile: unknown }).decodeProfile = report;
    document.getElementById('out')!.textContent = JSON.stringify(report, null, 2);
  }
};
worker.postMessage(params);
