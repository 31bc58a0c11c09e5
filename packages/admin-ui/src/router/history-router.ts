import { normalizePath } from './match-route';

/** Where the app is: the path (normalized) and the query string, `?` included or empty. */
export interface AppLocation {
  path: string;
  search: string;
}

/** The parts of `window` the router uses, so tests can hand it a fake. */
export interface HistoryWindow {
  location: { pathname: string; search: string; origin: string };
  history: {
    pushState(data: unknown, unused: string, url: string): void;
    replaceState(data: unknown, unused: string, url: string): void;
  };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

export interface HistoryRouter {
  location(): AppLocation;
  /** Goes to a same-origin path (`/actions?x=1`); `replace` keeps the history length. */
  navigate(to: string, options?: { replace?: boolean }): void;
  /** Calls `listener` after every change, by `navigate` or by the back and forward buttons. */
  subscribe(listener: (location: AppLocation) => void): () => void;
}

/**
 * A history router without hashes: `navigate` pushes a state and tells the subscribers;
 * `popstate` (back, forward) tells them too. Paths that are not same-origin are refused.
 */
export function createHistoryRouter(win: HistoryWindow): HistoryRouter {
  const listeners = new Set<(location: AppLocation) => void>();
  const read = (): AppLocation => ({
    path: normalizePath(win.location.pathname),
    search: win.location.search,
  });
  const notify = () => {
    const location = read();
    for (const listener of listeners) listener(location);
  };

  return {
    location: read,
    navigate(to, { replace = false } = {}) {
      const target = new URL(to, win.location.origin);
      if (target.origin !== win.location.origin) throw new Error(`not a path of this app: ${to}`);
      const url = `${target.pathname}${target.search}${target.hash}`;
      if (replace) win.history.replaceState(null, '', url);
      else win.history.pushState(null, '', url);
      notify();
    },
    subscribe(listener) {
      if (listeners.size === 0) win.addEventListener('popstate', notify);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) win.removeEventListener('popstate', notify);
      };
    },
  };
}
