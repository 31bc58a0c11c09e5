import { useCallback } from 'preact/hooks';
import { countActions } from '../actions/actions-api';
import { ErrorAlert } from '../components/error-alert';
import { LoadingStatus } from '../components/loading-status';
import { PageTitle } from '../components/page-title';
import { useResource } from '../hooks/use-resource';
import { getTenant } from '../operators/operators-api';
import { useApp } from '../session/app-context';
import { TenantForm } from '../settings/tenant-form';
import '../styles/settings.css';

/** The tenant's settings: its name, and how many actions it has of how many it may have. */
export function SettingsPage() {
  const { client } = useApp();
  const load = useCallback(async () => {
    const [tenant, actionCount] = await Promise.all([getTenant(client), countActions(client)]);
    return { tenant, actionCount };
  }, [client]);
  const { resource, reload } = useResource(load);
  return (
    <>
      <PageTitle title="Settings">
        <p class="page-intro">Settings of the whole tenant: its name and how many actions it may have.</p>
      </PageTitle>
      {resource.status === 'loading' && <LoadingStatus label="Loading the settings…" />}
      {resource.status === 'failed' && <ErrorAlert error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <TenantForm
          key={resource.data.tenant.id}
          client={client}
          loaded={resource.data.tenant}
          actionCount={resource.data.actionCount}
        />
      )}
    </>
  );
}
