import { describe, expect, it } from 'vitest';
import { type AppLocation, createHistoryRouter, type HistoryWindow } from './history-router';

/** A window with a history stack, enough for the router. */
function fakeWindow(start = '/') {
  const entries = [start];
  let index = 0;
  const popListeners = new Set<() => void>();
  const location = { pathname: '', search: '', origin: 'https://toolgate.example' };
  const show = () => {
    const url = new URL(entries[index] ?? '/', location.origin);
    location.pathname = url.pathname;
    location.search = url.search;
  };
  show();
  const win: HistoryWindow = {
    location,
    history: {
      pushState(_data, _unused, url) {
        entries.splice(index + 1, entries.length, url);
        index += 1;
        show();
      },
      replaceState(_data, _unused, url) {
        entries[index] = url;
        show();
      },
    },
    addEventListener: (_type, listener) => popListeners.add(listener),
    removeEventListener: (_type, listener) => popListeners.delete(listener),
  };
  const back = () => {
    index -= 1;
    show();
    for (const listener of popListeners) listener();
  };
  return { win, entries, back, popListeners };
}

describe('createHistoryRouter', () => {
  it('reads the location, normalized', () => {
    const { win } = fakeWindow('/actions/?q=1');
    expect(createHistoryRouter(win).location()).toEqual({ path: '/actions', search: '?q=1' });
  });

  it('pushes on navigate and tells every subscriber', () => {
    const { win, entries } = fakeWindow('/');
    const router = createHistoryRouter(win);
    const seen: AppLocation[] = [];
    router.subscribe((location) => seen.push(location));
    router.navigate('/actions?page=2');
    expect(entries).toEqual(['/', '/actions?page=2']);
    expect(seen).toEqual([{ path: '/actions', search: '?page=2' }]);
  });

  it('replaces instead when asked', () => {
    const { win, entries } = fakeWindow('/');
    createHistoryRouter(win).navigate('/actions', { replace: true });
    expect(entries).toEqual(['/actions']);
  });

  it('follows the back button', () => {
    const { win, back } = fakeWindow('/actions');
    const router = createHistoryRouter(win);
    const seen: string[] = [];
    router.subscribe((location) => seen.push(location.path));
    router.navigate('/agents');
    back();
    expect(seen).toEqual(['/agents', '/actions']);
  });

  it('listens to popstate only while someone subscribes', () => {
    const { win, popListeners } = fakeWindow('/');
    const router = createHistoryRouter(win);
    const stopA = router.subscribe(() => {});
    const stopB = router.subscribe(() => {});
    expect(popListeners.size).toBe(1);
    stopA();
    expect(popListeners.size).toBe(1);
    stopB();
    expect(popListeners.size).toBe(0);
  });

  it('refuses to navigate to another origin', () => {
    const { win, entries } = fakeWindow('/');
    const router = createHistoryRouter(win);
    expect(() => router.navigate('https://evil.example/x')).toThrow(/not a path of this app/);
    expect(() => router.navigate('//evil.example/x')).toThrow(/not a path of this app/);
    expect(entries).toEqual(['/']);
  });
});
