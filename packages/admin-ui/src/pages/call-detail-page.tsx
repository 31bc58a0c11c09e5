import { useCallback } from 'preact/hooks';
import { ApiError } from '../api/api-error';
import { CallDetailView } from '../calls/call-detail-view';
import { getCall } from '../calls/calls-api';
import { ErrorAlert } from '../components/error-alert';
import { LoadingStatus } from '../components/loading-status';
import { PageTitle } from '../components/page-title';
import { useResource } from '../hooks/use-resource';
import { Link } from '../router/link';
import { useApp } from '../session/app-context';

/** `/calls/:id`: one call of the execution log. */
export function CallDetailPage({ callId, canTest }: { callId: string; canTest: boolean }) {
  const { client } = useApp();
  const load = useCallback(() => getCall(client, callId), [client, callId]);
  const { resource, reload } = useResource(load);
  const missing =
    resource.status === 'failed' && resource.error instanceof ApiError && resource.error.status === 404;
  return (
    <>
      <p class="back-link">
        <Link href="/calls">← All calls</Link>
      </p>
      <PageTitle
        title={
          resource.status === 'ready'
            ? `Call of ${resource.data.actionName}`
            : missing
              ? 'Call not found'
              : 'Call'
        }
      >
        {resource.status === 'ready' && (
          <p class="page-intro">
            What was sent, what came back and what the model saw. Secrets are never shown.
          </p>
        )}
      </PageTitle>
      {resource.status === 'loading' && <LoadingStatus label="Loading the call…" />}
      {resource.status === 'failed' &&
        (missing ? (
          <p class="empty-state">There is no call with this id. The log may have been purged of it.</p>
        ) : (
          <ErrorAlert error={resource.error} onRetry={reload} />
        ))}
      {resource.status === 'ready' && <CallDetailView call={resource.data} canTest={canTest} />}
    </>
  );
}
