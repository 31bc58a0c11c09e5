import { useCallback } from 'preact/hooks';
import { toAgentRow } from '../agents/agent-view';
import { listAgents } from '../agents/agents-api';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { LoadingStatus } from '../components/loading-status';
import { PageTitle } from '../components/page-title';
import { useResource } from '../hooks/use-resource';
import { Link } from '../router/link';
import { useApp } from '../session/app-context';

/** The tenant's agents: name, model, the actions each uses and its greeting; each opens its page. */
export function AgentsPage({ canManage }: { canManage: boolean }) {
  const { client } = useApp();
  const load = useCallback(async () => (await listAgents(client)).map(toAgentRow), [client]);
  const { resource, reload } = useResource(load);

  return (
    <>
      <PageTitle title="Agents">
        <p class="page-intro">
          An agent talks to your customers with a model and calls the actions it may use.
        </p>
        {canManage && (
          <Link href="/agents/new" class="button button-primary">
            New agent
          </Link>
        )}
      </PageTitle>
      {resource.status === 'loading' && <LoadingStatus label="Loading agents…" />}
      {resource.status === 'failed' && <ErrorAlert error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && resource.data.length === 0 && (
        <EmptyState title="No agents yet">
          <p>
            {canManage
              ? 'Create one with the New agent button.'
              : 'An operator with agents:manage can create one.'}
          </p>
        </EmptyState>
      )}
      {resource.status === 'ready' && resource.data.length > 0 && (
        <div class="table-wrap">
          <table class="data-table">
            <caption class="visually-hidden">Agents, by name</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Model</th>
                <th scope="col">Actions</th>
                <th scope="col">Greeting</th>
              </tr>
            </thead>
            <tbody>
              {resource.data.map((row) => (
                <tr key={row.id}>
                  <th scope="row" data-label="Name">
                    <Link href={`/agents/${encodeURIComponent(row.id)}`} class="action-link">
                      {row.name}
                    </Link>
                  </th>
                  <td data-label="Model">
                    <code>{row.model}</code>
                  </td>
                  <td data-label="Actions">{row.actions}</td>
                  <td data-label="Greeting" class="break-anywhere">
                    {row.greeting === '' ? <span class="secondary-text">None</span> : row.greeting}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
