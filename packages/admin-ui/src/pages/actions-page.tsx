import { useCallback, useState } from 'preact/hooks';
import { listActions, setActionEnabled } from '../actions/actions-api';
import { ActionsTable } from '../actions/actions-table';
import type { ActionListRow } from '../actions/call-summaries';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { LoadingStatus } from '../components/loading-status';
import { PageTitle } from '../components/page-title';
import { useResource } from '../hooks/use-resource';
import { getTenant } from '../operators/operators-api';
import { Link } from '../router/link';
import { useApp } from '../session/app-context';
import { actionUsage } from '../settings/tenant-draft';
import '../styles/settings.css';

/** The tenant's actions: name, enabled (switchable), method, URL host and recent calls; each opens its page. */
export function ActionsPage({ canManage, canChangeLimit }: { canManage: boolean; canChangeLimit: boolean }) {
  const { client } = useApp();
  const load = useCallback(() => listActions(client), [client]);
  const { resource, reload } = useResource(load);
  const loadTenant = useCallback(() => getTenant(client), [client]);
  const { resource: tenant } = useResource(loadTenant);
  const usage =
    resource.status === 'ready' && tenant.status === 'ready'
      ? actionUsage(resource.data.length, tenant.data.maxActions)
      : undefined;
  const [busyId, setBusyId] = useState<string | undefined>();
  const [toggleError, setToggleError] = useState<unknown>();
  const toggle = async (row: ActionListRow) => {
    setBusyId(row.id);
    setToggleError(undefined);
    try {
      await setActionEnabled(client, row.id, !row.enabled);
      reload();
    } catch (error) {
      setToggleError(error);
    } finally {
      setBusyId(undefined);
    }
  };

  return (
    <>
      <PageTitle title="Actions">
        <p class="page-intro">Each enabled action is a tool your agents can call during a conversation.</p>
        {canManage && (
          <div class="button-row">
            <Link href="/actions/new" class="button button-primary">
              New action
            </Link>
            <Link href="/actions/import" class="button button-secondary">
              Import from OpenAPI
            </Link>
          </div>
        )}
      </PageTitle>
      {usage && !usage.full && <p class="action-usage">{usage.text}</p>}
      {usage?.full && (
        <p class="alert alert-warning">
          {usage.text}: the limit is reached, so a new action would be refused.{' '}
          {canChangeLimit ? (
            <Link href="/settings">Raise the limit in Settings</Link>
          ) : (
            'An admin can raise the limit in Settings.'
          )}
        </p>
      )}
      {resource.status === 'loading' && <LoadingStatus label="Loading actions…" />}
      {resource.status === 'failed' && <ErrorAlert error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && resource.data.length === 0 && (
        <EmptyState title="No actions yet">
          <p>
            An action is an HTTP endpoint of yours that an agent may call.{' '}
            {canManage
              ? 'Create one with the New action button, or import them from an OpenAPI document.'
              : 'An operator with webhooks:manage can create one.'}
          </p>
        </EmptyState>
      )}
      {toggleError !== undefined && <ErrorAlert error={toggleError} />}
      {resource.status === 'ready' && resource.data.length > 0 && (
        <ActionsTable
          rows={resource.data}
          busyId={busyId}
          {...(canManage ? { onToggle: (row) => void toggle(row) } : {})}
        />
      )}
    </>
  );
}
