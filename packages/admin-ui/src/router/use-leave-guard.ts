import { useCallback, useEffect, useRef } from 'preact/hooks';
import { useRouter } from './router-context';

/**
 * While `unsaved` is true, leaving the page asks first (in-app navigation and the browser's
 * reload/close prompt). The returned `release` drops the question for good, for a navigation
 * that follows a successful create or delete.
 */
export function useLeaveGuard(unsaved: boolean): () => void {
  const router = useRouter();
  const state = useRef({ unsaved, released: false });
  state.current.unsaved = unsaved;
  useEffect(() => router.addLeaveGuard(() => state.current.unsaved && !state.current.released), [router]);
  return useCallback(() => {
    state.current.released = true;
  }, []);
}
