import { runnerFor } from '../tasks/runners';
import { transformersRuntime } from '../runtime/transformers-runtime';
import type { Request, WorkerEvent } from '../protocol/messages';
import { createHandler } from './handler';

// Compiled against the WebWorker lib (tsconfig.worker.json): `postMessage` and the `message` event are this
// dedicated worker's own, with no cast through the DOM's Window.
const handler = createHandler(transformersRuntime, (event: WorkerEvent) => postMessage(event), runnerFor);

addEventListener('message', (event: MessageEvent<Request>) => void handler.handle(event.data));
