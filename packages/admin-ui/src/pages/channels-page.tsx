import { useCallback, useState } from 'preact/hooks';
import {
  CHANNEL_KINDS,
  type ChannelKind,
  createChannel,
  deleteChannel,
  inboundUrl,
  listChannels,
  rotateChannelSecret,
} from '../channels/channels-api';
import { listAgents } from '../chat/chat-api';
import { DateTime } from '../components/date-time';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { InputField } from '../components/fields';
import { LoadingStatus } from '../components/loading-status';
import { PageTitle } from '../components/page-title';
import { useResource } from '../hooks/use-resource';
import { useApp } from '../session/app-context';

const KIND_LABELS: Record<ChannelKind, string> = {
  generic: 'Generic webhook (Standard Webhooks JSON)',
  twilio_sms: 'Twilio SMS',
};

/** Inbound channels of an agent: list with the URL to paste, create, rotate the secret, delete. */
export function ChannelsPage({ canManage }: { canManage: boolean }) {
  const { client } = useApp();
  const loadAgents = useCallback(() => listAgents(client), [client]);
  const { resource: agents } = useResource(loadAgents);
  const agentList = agents.status === 'ready' ? agents.data : [];
  const [chosenAgent, setChosenAgent] = useState('');
  const agentId = chosenAgent || agentList[0]?.id || '';
  const loadRows = useCallback(
    () => (agentId ? listChannels(client, agentId) : Promise.resolve([])),
    [client, agentId],
  );
  const { resource: rows, reload } = useResource(loadRows);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ChannelKind>('generic');
  const [authToken, setAuthToken] = useState('');
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const origin = window.location.origin;

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

  const create = (event: Event) => {
    event.preventDefault();
    void act(async () => {
      const body =
        kind === 'twilio_sms' ? { name: name.trim(), kind, authToken } : { name: name.trim(), kind };
      const created = await createChannel(client, agentId, body);
      if (created.signingSecret) setSecret({ name: created.channel.name, value: created.signingSecret });
      setName('');
      setAuthToken('');
      return `Channel ${created.channel.name} is added.`;
    });
  };

  return (
    <>
      <PageTitle title="Channels">
        <p class="page-intro">
          Inbound channels let another platform (a webhook sender, Twilio SMS) talk to an agent. Paste the
          inbound URL into the platform.
        </p>
      </PageTitle>
      {agents.status === 'failed' && <ErrorAlert error={agents.error} />}
      <label>
        Agent{' '}
        <select value={agentId} onChange={(event) => setChosenAgent(event.currentTarget.value)}>
          {agentList.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
      </label>
      {secret && (
        <section class="secret-panel" aria-labelledby="channel-secret-title">
          <h2 id="channel-secret-title">Signing secret of {secret.name}</h2>
          <p>This is the only time it is shown: the sender signs each request with it.</p>
          <div class="secret-box">
            <code class="secret-text">{secret.value}</code>
          </div>
          <button type="button" class="button button-secondary" onClick={() => setSecret(null)}>
            I have stored it
          </button>
        </section>
      )}
      <p class="form-status" role="status">
        {notice}
      </p>
      {failure !== null && <ErrorAlert error={failure} />}
      {rows.status === 'loading' && <LoadingStatus label="Loading channels…" />}
      {rows.status === 'failed' && <ErrorAlert error={rows.error} onRetry={reload} />}
      {rows.status === 'ready' && rows.data.length === 0 && (
        <EmptyState title="No channels yet">
          <p>{canManage ? 'Add one with the form below.' : 'None has been added.'}</p>
        </EmptyState>
      )}
      {rows.status === 'ready' && rows.data.length > 0 && (
        <div class="table-wrap">
          <table class="data-table">
            <caption class="visually-hidden">Inbound channels</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Inbound URL</th>
                <th scope="col">Created</th>
                {canManage && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {rows.data.map((row) => (
                <tr key={row.id}>
                  <td data-label="Name">{row.name}</td>
                  <td data-label="Kind">{KIND_LABELS[row.kind]}</td>
                  <td data-label="Inbound URL">
                    <code>{inboundUrl(origin, row)}</code>
                  </td>
                  <td data-label="Created">
                    <DateTime iso={row.createdAt} />
                  </td>
                  {canManage && (
                    <td data-label="Actions">
                      <div class="button-row">
                        <button
                          type="button"
                          class="button button-secondary"
                          onClick={() =>
                            act(async () => {
                              const token =
                                row.kind === 'twilio_sms'
                                  ? (window.prompt("The Twilio account's new auth token") ?? '')
                                  : undefined;
                              if (token === '') return 'Rotation cancelled: no auth token given.';
                              const rotated = await rotateChannelSecret(client, row, token);
                              if (rotated.signingSecret)
                                setSecret({ name: row.name, value: rotated.signingSecret });
                              return `Secret rotated; the previous one works until ${rotated.previousValidUntil}.`;
                            })
                          }
                        >
                          Rotate secret
                        </button>
                        <button
                          type="button"
                          class="button button-danger"
                          onClick={() =>
                            window.confirm(`Delete the channel ${row.name}? Its conversations stay.`) &&
                            act(async () => {
                              await deleteChannel(client, row);
                              return `Channel ${row.name} is deleted.`;
                            })
                          }
                        >
                          Delete
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && agentId && (
        <form class="channel-form" onSubmit={create}>
          <h2>Add a channel</h2>
          <InputField id="channel-name" label="Name" value={name} onValue={setName} required mono />
          <label>
            Kind{' '}
            <select value={kind} onChange={(event) => setKind(event.currentTarget.value as ChannelKind)}>
              {CHANNEL_KINDS.map((option) => (
                <option key={option} value={option}>
                  {KIND_LABELS[option]}
                </option>
              ))}
            </select>
          </label>
          {kind === 'twilio_sms' && (
            <InputField
              id="channel-auth-token"
              label="Twilio auth token"
              type="password"
              value={authToken}
              onValue={setAuthToken}
              required
            />
          )}
          <button type="submit" class="button">
            Add channel
          </button>
        </form>
      )}
    </>
  );
}
