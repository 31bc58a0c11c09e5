import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { AppLocation, HistoryRouter } from './history-router';

export const RouterContext = createContext<HistoryRouter | null>(null);

export function useRouter(): HistoryRouter {
  const router = useContext(RouterContext);
  if (router === null) throw new Error('useRouter needs a RouterContext.Provider above it');
  return router;
}

/** The current location; the component renders again on every navigation. */
export function useLocation(): AppLocation {
  const router = useRouter();
  const [location, setLocation] = useState(router.location);
  useEffect(() => {
    setLocation(router.location());
    return router.subscribe(setLocation);
  }, [router]);
  return location;
}
