import { useMemo } from 'preact/hooks';
import {
  type CallFilters,
  filtersFromSearch,
  hasFilters,
  searchFromFilters,
  serverFilterErrors,
} from '../calls/call-filters';
import { CallFiltersForm } from '../calls/call-filters-form';
import { CallsTable } from '../calls/calls-table';
import { useCallPages } from '../calls/use-call-pages';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { LoadingStatus } from '../components/loading-status';
import { PageTitle } from '../components/page-title';
import { useLocation, useRouter } from '../router/router-context';
import { useApp } from '../session/app-context';

function shownText(count: number, more: boolean): string {
  if (more) return `${count} calls shown; older ones follow.`;
  return count === 1 ? 'The only call.' : `All ${count} calls.`;
}

/** `/calls`: the execution log, filtered by the page's query string, newest first, a page at a time. */
export function CallsPage() {
  const { client } = useApp();
  const router = useRouter();
  const { search } = useLocation();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const { pages, loadMore, reload } = useCallPages(client, filters);
  const filtered = hasFilters(filters);
  const apply = (next: CallFilters) => router.navigate(`/calls${searchFromFilters(next)}`);

  return (
    <>
      <PageTitle title="Calls">
        <p class="page-intro">
          Every action call: the request as sent, the response and what the model saw. Newest first.
        </p>
      </PageTitle>
      <CallFiltersForm
        filters={filters}
        serverErrors={pages.status === 'failed' ? serverFilterErrors(pages.error) : {}}
        onApply={apply}
        onClear={() => apply({})}
      />
      {pages.status === 'loading' && <LoadingStatus label="Loading calls…" />}
      {pages.status === 'failed' && <ErrorAlert error={pages.error} onRetry={reload} />}
      {pages.status === 'ready' && pages.calls.length === 0 && (
        <EmptyState title={filtered ? 'No calls match these filters' : 'No calls yet'}>
          <p>
            {filtered
              ? 'Change or clear the filters to see more.'
              : 'Calls appear here when an agent, an event or the test console calls an action.'}
          </p>
        </EmptyState>
      )}
      {pages.status === 'ready' && pages.calls.length > 0 && (
        <>
          <CallsTable calls={pages.calls} />
          <div class="load-more">
            <p class="secondary-text" role="status">
              {shownText(pages.calls.length, pages.nextCursor !== null)}
            </p>
            {pages.more.status === 'failed' && <ErrorAlert error={pages.more.error} />}
            {pages.nextCursor !== null && (
              <button
                type="button"
                class="button button-secondary"
                onClick={loadMore}
                aria-disabled={pages.more.status === 'loading' ? 'true' : undefined}
              >
                {pages.more.status === 'loading' ? 'Loading more…' : 'Load more'}
              </button>
            )}
          </div>
        </>
      )}
    </>
  );
}
