import { useCallback, useEffect, useState } from 'preact/hooks';

/** Something loaded from the server: loading, loaded or failed. */
export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: unknown };

/**
 * Runs `load` when the component appears and whenever `load` changes (keep it stable with
 * `useCallback`), and again on `reload()`. An answer that arrives after the component left, or
 * after a newer load started, is dropped.
 */
export function useResource<T>(load: () => Promise<T>): { resource: Resource<T>; reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // `attempt` changes on `reload()`, which loads again.
  useEffect(() => {
    let current = true;
    setResource({ status: 'loading' });
    load().then(
      (data) => current && setResource({ status: 'ready', data }),
      (error: unknown) => current && setResource({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { resource, reload };
}
