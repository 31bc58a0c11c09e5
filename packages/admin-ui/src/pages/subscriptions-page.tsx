import { useCallback, useMemo, useState } from 'preact/hooks';
import { listAgents } from '../chat/chat-api';
import { DateTime } from '../components/date-time';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { LoadingStatus } from '../components/loading-status';
import { PageTitle } from '../components/page-title';
import { useResource } from '../hooks/use-resource';
import { useApp } from '../session/app-context';
import { DeadLetters } from '../subscriptions/dead-letters';
import { draftOf, EMPTY_DRAFT } from '../subscriptions/subscription-draft';
import { SubscriptionForm } from '../subscriptions/subscription-form';
import {
  describeFilters,
  describeStatus,
  type ShownSecret,
  type SubscriptionRow,
} from '../subscriptions/subscription-view';
import {
  deleteSubscription,
  listSubscriptions,
  rotateSecret,
  sendTestEvent,
  setPaused,
} from '../subscriptions/subscriptions-api';

/** Event subscriptions: list, create and change, pause/resume, test event, secret rotation, delete. */
export function SubscriptionsPage({ canManage }: { canManage: boolean }) {
  const { client } = useApp();
  const loadRows = useCallback(() => listSubscriptions(client), [client]);
  const loadAgents = useCallback(() => listAgents(client), [client]);
  const { resource: rows, reload } = useResource(loadRows);
  const { resource: agents } = useResource(loadAgents);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const [editing, setEditing] = useState<SubscriptionRow | null>(null);
  const [inspecting, setInspecting] = useState<SubscriptionRow | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const agentList = agents.status === 'ready' ? agents.data : [];
  const agentNames = useMemo(() => new Map(agentList.map((agent) => [agent.id, agent.name])), [agentList]);

  /** Runs one row action, then says what happened and reloads the list. */
  const act = async (work: () => Promise<string>) => {
    setFailure(null);
    setNotice('');
    try {
      setNotice(await work());
      reload();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <PageTitle title="Subscriptions">
        <p class="page-intro">
          Your systems' endpoints for this tenant's events (conversations, messages, action calls, leads,
          approvals). Each event is signed and retried until it arrives; see docs/subscriptions.md.
        </p>
      </PageTitle>
      {shown && (
        <section class="secret-panel" aria-labelledby="subscription-secret-title">
          <h2 id="subscription-secret-title">Signing secret of {shown.subscription.url}</h2>
          <p>
            This is the only time it is shown: verify each event's <code>webhook-signature</code> with it.
            {shown.previousValidUntil && (
              <>
                {' '}
                The previous secret keeps signing until <DateTime iso={shown.previousValidUntil} />.
              </>
            )}
          </p>
          <div class="secret-box">
            <code class="secret-text">{shown.signingSecret}</code>
          </div>
          <button type="button" class="button button-secondary" onClick={() => setShown(null)}>
            I have stored it
          </button>
        </section>
      )}
      <p class="form-status" role="status">
        {notice}
      </p>
      {failure !== null && <ErrorAlert error={failure} />}
      <section aria-labelledby="subscriptions-list-title">
        <h2 id="subscriptions-list-title" class="visually-hidden">
          All subscriptions
        </h2>
        {rows.status === 'loading' && <LoadingStatus label="Loading subscriptions…" />}
        {rows.status === 'failed' && <ErrorAlert error={rows.error} onRetry={reload} />}
        {rows.status === 'ready' && rows.data.length === 0 && (
          <EmptyState title="No subscriptions yet">
            <p>{canManage ? 'Add an endpoint with the form below.' : 'None has been added.'}</p>
          </EmptyState>
        )}
        {rows.status === 'ready' && rows.data.length > 0 && (
          <div class="table-wrap">
            <table class="data-table subscriptions-table">
              <caption class="visually-hidden">Event subscriptions</caption>
              <thead>
                <tr>
                  <th scope="col">Endpoint</th>
                  <th scope="col">Events</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {rows.data.map((row) => (
                  <tr key={row.id}>
                    <td data-label="Endpoint">
                      <code>{row.url}</code>
                      {row.description && <div>{row.description}</div>}
                    </td>
                    <td data-label="Events">{describeFilters(row, agentNames)}</td>
                    <td data-label="Status">{describeStatus(row)}</td>
                    <td data-label="Created">
                      <DateTime iso={row.createdAt} />
                    </td>
                    <td data-label="Actions">
                      <div class="button-row">
                        <button
                          type="button"
                          class="button button-secondary"
                          onClick={() => setInspecting(row)}
                        >
                          Dead letters
                        </button>
                        {canManage && (
                          <>
                            <button
                              type="button"
                              class="button button-secondary"
                              onClick={() => setEditing(row)}
                            >
                              Edit
                            </button>
                            <button
                              type="button"
                              class="button button-secondary"
                              onClick={() =>
                                act(async () => {
                                  const paused = row.status !== 'paused' && row.status !== 'disabled';
                                  await setPaused(client, row.id, paused);
                                  return paused ? `${row.url} is paused.` : `${row.url} is active again.`;
                                })
                              }
                            >
                              {row.status === 'active' ? 'Pause' : 'Resume'}
                            </button>
                            <button
                              type="button"
                              class="button button-secondary"
                              onClick={() =>
                                act(
                                  async () =>
                                    `Test event queued (delivery ${await sendTestEvent(client, row.id)}).`,
                                )
                              }
                            >
                              Send test event
                            </button>
                            <button
                              type="button"
                              class="button button-secondary"
                              onClick={() =>
                                act(async () => {
                                  setShown(await rotateSecret(client, row));
                                  return 'A new signing secret was issued.';
                                })
                              }
                            >
                              Rotate secret
                            </button>
                            <button
                              type="button"
                              class="button button-danger"
                              onClick={() =>
                                window.confirm(
                                  `Delete the subscription to ${row.url}? Queued events are not sent.`,
                                ) &&
                                act(async () => {
                                  await deleteSubscription(client, row.id);
                                  return `The subscription to ${row.url} is deleted.`;
                                })
                              }
                            >
                              Delete
                            </button>
                          </>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {inspecting && (
        <DeadLetters
          key={inspecting.id}
          client={client}
          subscription={inspecting}
          canManage={canManage}
          onClose={() => setInspecting(null)}
        />
      )}
      {canManage && (
        <SubscriptionForm
          key={editing?.id ?? 'new'}
          client={client}
          agents={agentList}
          editing={editing}
          initial={editing ? draftOf(editing) : EMPTY_DRAFT}
          onCreated={(created) => {
            setShown(created);
            reload();
          }}
          onSaved={(row) => {
            setEditing(null);
            setNotice(`${row.url} is saved.`);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </>
  );
}
