import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import type { Session } from '../api/session-api';

/** What every page of a signed-in operator uses. */
export interface AppContextValue {
  client: ApiClient;
  session: Session;
  signOut(): Promise<void>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('useApp needs an AppContext.Provider above it');
  return value;
}
