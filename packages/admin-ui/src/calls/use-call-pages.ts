import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import type { CallFilters } from './call-filters';
import type { CallRecord } from './call-record';
import { listCalls } from './calls-api';

/** The log as loaded so far: the first page, then more with "Load more". */
export type CallPages =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | {
      status: 'ready';
      calls: CallRecord[];
      nextCursor: string | null;
      /** Loading the next page, or why it failed. */
      more: { status: 'idle' } | { status: 'loading' } | { status: 'failed'; error: unknown };
    };

/**
 * Loads the first page of calls for the filters (again whenever they change, or on `reload`) and
 * appends the next page on `loadMore`. Answers for older filters are dropped.
 */
export function useCallPages(client: ApiClient, filters: CallFilters) {
  const [pages, setPages] = useState<CallPages>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);

  // `attempt` changes on `reload()`, which loads again.
  useEffect(() => {
    generation.current += 1;
    const mine = generation.current;
    setPages({ status: 'loading' });
    listCalls(client, filters).then(
      (page) =>
        mine === generation.current && setPages({ status: 'ready', ...page, more: { status: 'idle' } }),
      (error: unknown) => mine === generation.current && setPages({ status: 'failed', error }),
    );
    return () => {
      generation.current += 1;
    };
  }, [client, filters, attempt]);

  const loadMore = useCallback(() => {
    if (pages.status !== 'ready' || pages.nextCursor === null || pages.more.status === 'loading') return;
    const mine = generation.current;
    const before = pages;
    setPages({ ...before, more: { status: 'loading' } });
    listCalls(client, filters, pages.nextCursor).then(
      (page) =>
        mine === generation.current &&
        setPages({
          status: 'ready',
          // The cursor is the last call's time and id: the next page starts after it, even when
          // newer calls arrived in between.
          calls: [...before.calls, ...page.calls],
          nextCursor: page.nextCursor,
          more: { status: 'idle' },
        }),
      (error: unknown) =>
        mine === generation.current && setPages({ ...before, more: { status: 'failed', error } }),
    );
  }, [client, filters, pages]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { pages, loadMore, reload };
}
