// The bare page's main thread: no UI, no store; only a worker and a promise per request. The bench drives it
// through `window.bare`, from Playwright.
import type { BareReply, BareRequest } from './bare-protocol';

type Ask = { [K in BareRequest['type']]: Omit<Extract<BareRequest, { type: K }>, 'id'> }[BareRequest['type']];

const worker = new Worker(new URL('./bare.worker.ts', import.meta.url), { type: 'module' });
const pending = new Map<number, (reply: BareReply) => void>();
let nextId = 1;

worker.onmessage = (event: MessageEvent<BareReply>) => {
  pending.get(event.data.id)?.(event.data);
  pending.delete(event.data.id);
};

function ask(request: Ask): Promise<BareReply> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ ...request, id });
  });
}

(globalThis as unknown as { bare: { ask: typeof ask } }).bare = { ask };
document.body.dataset.ready = 'true';
