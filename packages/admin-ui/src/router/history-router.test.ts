import { describe, expect, it } from 'vitest';
import { type AppLocation, createHistoryRouter, type HistoryWindow } from './history-router';
import { LEAVE_QUESTION, type UnloadEventLike } from './leave-guard';

/** A window with a history stack, enough for the router. */
function fakeWindow(start = '/', answers: boolean[] = []) {
  const entries = [start];
  let index = 0;
  const popListeners = new Set<(event: UnloadEventLike) => void>();
  const unloadListeners = new Set<(event: UnloadEventLike) => void>();
  const asked: string[] = [];
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
    addEventListener: (type, listener) =>
      (type === 'popstate' ? popListeners : unloadListeners).add(listener),
    removeEventListener: (type, listener) =>
      (type === 'popstate' ? popListeners : unloadListeners).delete(listener),
    confirm(message) {
      asked.push(message);
      return answers.shift() ?? false;
    },
  };
  const popEvent = (): UnloadEventLike => ({ preventDefault() {}, returnValue: undefined });
  const back = () => {
    index -= 1;
    show();
    for (const listener of popListeners) listener(popEvent());
  };
  /** A reload: true when the browser would show its prompt. */
  const unload = () => {
    let prevented = false;
    const event: UnloadEventLike = {
      preventDefault: () => {
        prevented = true;
      },
      returnValue: undefined,
    };
    for (const listener of unloadListeners) listener(event);
    return prevented;
  };
  return { win, entries, back, unload, asked, popListeners, unloadListeners, location: () => entries[index] };
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

describe('leave guards', () => {
  it('tells each guard where the navigation goes, for the back button too', () => {
    const { win, entries } = fakeWindow('/actions/a');
    const router = createHistoryRouter(win);
    const destinations: (string | undefined)[] = [];
    router.addLeaveGuard((to) => {
      destinations.push(to);
      // Unsaved, but the sections of the same action are the same page.
      return !(to ?? '').startsWith('/actions/a');
    });
    router.navigate('/actions/a/parameters/');
    expect(destinations).toEqual(['/actions/a/parameters']);
    expect(entries).toEqual(['/actions/a', '/actions/a/parameters/']);
  });

  it('navigates without asking while the guard has nothing to lose', () => {
    const { win, entries, asked } = fakeWindow('/actions/a');
    const router = createHistoryRouter(win);
    router.addLeaveGuard(() => false);
    router.navigate('/actions');
    expect(asked).toEqual([]);
    expect(entries).toEqual(['/actions/a', '/actions']);
  });

  it('asks before navigating with unsaved changes and stays when the operator says no', () => {
    const { win, entries, asked } = fakeWindow('/actions/a', [false]);
    const router = createHistoryRouter(win);
    const seen: string[] = [];
    router.subscribe((location) => seen.push(location.path));
    router.addLeaveGuard(() => true);
    router.navigate('/actions');
    expect(asked).toEqual([LEAVE_QUESTION]);
    expect(asked[0]).toBe('You have unsaved changes. Leave without saving?');
    expect(entries).toEqual(['/actions/a']);
    expect(seen).toEqual([]);
  });

  it('leaves when the operator agrees', () => {
    const { win, entries } = fakeWindow('/actions/a', [true]);
    const router = createHistoryRouter(win);
    router.addLeaveGuard(() => true);
    router.navigate('/actions', { replace: true });
    expect(entries).toEqual(['/actions']);
  });

  it('asks once however many guards have something to lose', () => {
    const { win, asked } = fakeWindow('/', [true]);
    const router = createHistoryRouter(win);
    router.addLeaveGuard(() => true);
    router.addLeaveGuard(() => true);
    router.navigate('/agents');
    expect(asked).toHaveLength(1);
  });

  it('stops asking once the guard is removed', () => {
    const { win, entries, asked } = fakeWindow('/agents/a');
    const router = createHistoryRouter(win);
    const remove = router.addLeaveGuard(() => true);
    remove();
    remove();
    router.navigate('/agents');
    expect(asked).toEqual([]);
    expect(entries).toEqual(['/agents/a', '/agents']);
  });

  it('puts the page back when the operator stays after the back button', () => {
    const fake = fakeWindow('/actions', [false, true]);
    const router = createHistoryRouter(fake.win);
    const seen: string[] = [];
    router.subscribe((location) => seen.push(location.path));
    router.navigate('/actions/a?fromCall=c1');
    router.addLeaveGuard(() => true);
    fake.back();
    expect(fake.asked).toHaveLength(1);
    expect(fake.location()).toBe('/actions/a?fromCall=c1');
    expect(router.location()).toEqual({ path: '/actions/a', search: '?fromCall=c1' });
    expect(seen).toEqual(['/actions/a']);
    // Second try: the operator agrees.
    fake.back();
    expect(fake.asked).toHaveLength(2);
    expect(seen).toEqual(['/actions/a', '/actions']);
    expect(fake.location()).toBe('/actions');
  });

  it('asks the browser to prompt on reload only while something is unsaved', () => {
    const { win, unload, unloadListeners } = fakeWindow('/');
    const router = createHistoryRouter(win);
    expect(unloadListeners.size).toBe(0);
    let unsaved = false;
    const remove = router.addLeaveGuard(() => unsaved);
    expect(unloadListeners.size).toBe(1);
    expect(unload()).toBe(false);
    unsaved = true;
    expect(unload()).toBe(true);
    remove();
    expect(unloadListeners.size).toBe(0);
    expect(unload()).toBe(false);
  });

  it('leaves without asking when the window cannot ask', () => {
    const { win, entries } = fakeWindow('/a');
    const router = createHistoryRouter({ ...win, confirm: undefined });
    router.addLeaveGuard(() => true);
    router.navigate('/b');
    expect(entries).toEqual(['/a', '/b']);
  });
});
