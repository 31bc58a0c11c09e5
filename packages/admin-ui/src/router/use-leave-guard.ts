import { useCallback, useEffect, useRef } from 'preact/hooks';
import { isAtOrInside } from '../api/field-errors';
import { useRouter } from './router-context';

/**
 * While `unsaved` is true, leaving the page asks first (in-app navigation and the browser's
 * reload/close prompt). Paths at or under `within` are the same page (the action page's
 * sections): going there asks nothing, the form stays as typed. The returned `release` drops the
 * question for good, for a navigation that follows a successful create or delete.
 */
export function useLeaveGuard(unsaved: boolean, within?: string): () => void {
  const router = useRouter();
  const state = useRef({ unsaved, released: false, within });
  state.current.unsaved = unsaved;
  state.current.within = within;
  useEffect(
    () =>
      router.addLeaveGuard((to) => {
        const { within: page } = state.current;
        if (page !== undefined && to !== undefined && isAtOrInside(to, page)) return false;
        return state.current.unsaved && !state.current.released;
      }),
    [router],
  );
  return useCallback(() => {
    state.current.released = true;
  }, []);
}
