import { createContext, useContext } from 'react';
import type { Session } from './index';

/** The app's session, provided once in main.tsx. */
export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession: no <SessionContext> above this component (main.tsx provides it).');
  return session;
}
