import type { EngineClient } from '../client/engine-client';
import type { AppStore } from '../store';
import type { HistorySink } from '../history/record';

/** What the session needs of the engine: the real client in the app, a fake with deferreds in tests. */
export type Engine = Pick<EngineClient, 'call' | 'onRespawn' | 'restart' | 'startOn'>;

/** The two things every part of a session works with. */
export interface SessionDeps {
  engine: Engine;
  store: AppStore;
  /** Where finished and failed runs are kept (IndexedDB in the app, a list in tests); none: not kept. */
  history?: HistorySink;
}
