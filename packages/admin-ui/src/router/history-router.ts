import { createLeaveGuards, type LeaveGuard, type UnloadEventLike } from './leave-guard';
import { normalizePath } from './match-route';

/** Where the app is: the path (normalized) and the query string, `?` included or empty. */
export interface AppLocation {
  path: string;
  search: string;
}

/** The parts of `window` the router uses, so tests can hand it a fake. */
export interface HistoryWindow {
  location: { pathname: string; search: string; origin: string; hash?: string };
  history: {
    pushState(data: unknown, unused: string, url: string): void;
    replaceState(data: unknown, unused: string, url: string): void;
  };
  addEventListener(type: 'popstate' | 'beforeunload', listener: (event: UnloadEventLike) => void): void;
  removeEventListener(type: 'popstate' | 'beforeunload', listener: (event: UnloadEventLike) => void): void;
  /** Asks before leaving a page with unsaved changes; without it, leaving goes on. */
  confirm?(message: string): boolean;
}

export interface HistoryRouter {
  location(): AppLocation;
  /** Goes to a same-origin path (`/actions?x=1`); `replace` keeps the history length. */
  navigate(to: string, options?: { replace?: boolean }): void;
  /** Calls `listener` after every change, by `navigate` or by the back and forward buttons. */
  subscribe(listener: (location: AppLocation) => void): () => void;
  /**
   * Adds a guard consulted before every navigation (links, `navigate`, back and forward): when it
   * returns `true` (changes not saved), the operator is asked first, and a reload or closing the
   * tab gets the browser's own prompt. The returned function removes the guard.
   */
  addLeaveGuard(guard: LeaveGuard): () => void;
}

/**
 * A history router without hashes: `navigate` pushes a state and tells the subscribers;
 * `popstate` (back, forward) tells them too. Paths that are not same-origin are refused.
 * Leave guards (unsaved forms) are asked before each of these.
 */
export function createHistoryRouter(win: HistoryWindow): HistoryRouter {
  const listeners = new Set<(location: AppLocation) => void>();
  const guards = createLeaveGuards();
  const read = (): AppLocation => ({
    path: normalizePath(win.location.pathname),
    search: win.location.search,
  });
  const currentUrl = () => `${win.location.pathname}${win.location.search}${win.location.hash ?? ''}`;
  // Where the app is, to go back there when the operator stays after the back button.
  let shown = currentUrl();
  const notify = () => {
    shown = currentUrl();
    const location = read();
    for (const listener of listeners) listener(location);
  };
  const mayLeave = (to: string) => guards.mayLeave(win.confirm?.bind(win), normalizePath(to));
  const onPopState = () => {
    if (mayLeave(win.location.pathname)) notify();
    // The browser has already moved: put the page being left back in the address bar.
    else win.history.pushState(null, '', shown);
  };
  const onBeforeUnload = (event: UnloadEventLike) => guards.onBeforeUnload(event);
  let guardCount = 0;

  return {
    location: read,
    navigate(to, { replace = false } = {}) {
      const target = new URL(to, win.location.origin);
      if (target.origin !== win.location.origin) throw new Error(`not a path of this app: ${to}`);
      const url = `${target.pathname}${target.search}${target.hash}`;
      if (!mayLeave(target.pathname)) return;
      if (replace) win.history.replaceState(null, '', url);
      else win.history.pushState(null, '', url);
      notify();
    },
    subscribe(listener) {
      if (listeners.size === 0) win.addEventListener('popstate', onPopState);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) win.removeEventListener('popstate', onPopState);
      };
    },
    addLeaveGuard(guard) {
      const remove = guards.add(guard);
      if (guardCount === 0) win.addEventListener('beforeunload', onBeforeUnload);
      guardCount += 1;
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        remove();
        guardCount -= 1;
        if (guardCount === 0) win.removeEventListener('beforeunload', onBeforeUnload);
      };
    },
  };
}
