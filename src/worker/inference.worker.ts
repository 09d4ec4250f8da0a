import { runnerFor } from '../tasks/runners';
import { transformersRuntime } from '../runtime/transformers-runtime';
import type { Request, WorkerEvent } from '../protocol/messages';
import { createHandler } from './handler';

// Typed by hand: the project compiles against the DOM lib, whose `self` is a Window.
const scope = self as unknown as {
  postMessage(event: WorkerEvent): void;
  onmessage: ((event: MessageEvent<Request>) => void) | null;
};

const handler = createHandler(
  transformersRuntime,
  (event: WorkerEvent) => scope.postMessage(event),
  runnerFor,
);

scope.onmessage = (event: MessageEvent<Request>) => void handler.handle(event.data);
