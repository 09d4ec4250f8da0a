import type { EngineClient } from '../client/engine-client';
import type { AppStore } from '../store';

/** What the session needs of the engine: the real client in the app, a fake with deferreds in tests. */
export type Engine = Pick<EngineClient, 'call' | 'onRespawn' | 'restart'>;

/** The two things every part of a session works with. */
export interface SessionDeps {
  engine: Engine;
  store: AppStore;
}
