import { useCallback, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { DateTime } from '../components/date-time';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { LoadingStatus } from '../components/loading-status';
import { type AttemptRow, describeLastAttempt } from '../deliveries/delivery-view';
import { useResource } from '../hooks/use-resource';
import { listAttempts, listDeadLetters, replayDelivery, replayRange } from './deliveries-api';
import type { SubscriptionRow } from './subscription-view';

/** A `datetime-local` value as an ISO instant, or `undefined` when empty or unreadable. */
function isoOf(local: string): string | undefined {
  if (local.trim() === '') return undefined;
  const time = new Date(local).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A subscription's dead letters: each with its attempts, replay one, replay a time range. */
export function DeadLetters({
  client,
  subscription,
  canManage,
  onClose,
}: {
  client: ApiClient;
  subscription: SubscriptionRow;
  canManage: boolean;
  onClose: () => void;
}) {
  const load = useCallback(() => listDeadLetters(client, subscription.id), [client, subscription.id]);
  const { resource: page, reload } = useResource(load);
  const [attempts, setAttempts] = useState<{ deliveryId: string; rows: AttemptRow[] } | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

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

  const replayBetween = () => {
    const range = { from: isoOf(from), to: isoOf(to) };
    if (range.from === undefined || range.to === undefined) {
      setFailure(new Error('Choose both the start and the end of the time range.'));
      return;
    }
    const chosen = { from: range.from, to: range.to };
    if (!window.confirm(`Replay every dead delivery of ${subscription.url} created in this range?`)) return;
    void act(async () => `${await replayRange(client, subscription.id, chosen)} deliveries replayed.`);
  };

  return (
    <section class="dead-letters" aria-labelledby="dead-letters-title">
      <h2 id="dead-letters-title">Dead letters of {subscription.url}</h2>
      <button type="button" class="button button-secondary" onClick={onClose}>
        Close
      </button>
      <p class="form-status" role="status">
        {notice}
      </p>
      {failure !== null && <ErrorAlert error={failure} />}
      {page.status === 'loading' && <LoadingStatus label="Loading dead letters…" />}
      {page.status === 'failed' && <ErrorAlert error={page.error} onRetry={reload} />}
      {page.status === 'ready' && page.data.deliveries.length === 0 && (
        <EmptyState title="No dead letters">
          <p>Every delivery of this subscription arrived or is still being retried.</p>
        </EmptyState>
      )}
      {page.status === 'ready' && page.data.deliveries.length > 0 && (
        <div class="table-wrap">
          <table class="data-table">
            <caption class="visually-hidden">Dead deliveries</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last response</th>
                <th scope="col">Created</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {page.data.deliveries.map((row) => (
                <tr key={row.id}>
                  <td data-label="Event">
                    {row.eventType ?? 'test'} <code>{row.id}</code>
                  </td>
                  <td data-label="Status">{row.status}</td>
                  <td data-label="Attempts">{row.attempts}</td>
                  <td data-label="Last response">{describeLastAttempt(row)}</td>
                  <td data-label="Created">
                    <DateTime iso={row.createdAt} />
                  </td>
                  <td data-label="Actions">
                    <div class="button-row">
                      <button
                        type="button"
                        class="button button-secondary"
                        onClick={() =>
                          act(async () => {
                            setAttempts({
                              deliveryId: row.id,
                              rows: await listAttempts(client, subscription.id, row.id),
                            });
                            return '';
                          })
                        }
                      >
                        Attempts
                      </button>
                      {canManage && (
                        <button
                          type="button"
                          class="button button-secondary"
                          onClick={() =>
                            act(async () => {
                              await replayDelivery(client, subscription.id, row.id);
                              return `Delivery ${row.id} is queued again.`;
                            })
                          }
                        >
                          Replay
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {attempts && (
        <div class="table-wrap">
          <table class="data-table">
            <caption>Attempts of {attempts.deliveryId}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Outcome</th>
                <th scope="col">Response status</th>
                <th scope="col">Duration</th>
                <th scope="col">Response excerpt</th>
              </tr>
            </thead>
            <tbody>
              {attempts.rows.map((attempt) => (
                <tr key={attempt.attempt}>
                  <td data-label="#">{attempt.attempt}</td>
                  <td data-label="Outcome">{attempt.outcome}</td>
                  <td data-label="Response status">{attempt.status ?? attempt.error ?? '—'}</td>
                  <td data-label="Duration">{Math.round(attempt.durationMs)} ms</td>
                  <td data-label="Response excerpt">
                    <code>{attempt.responseExcerpt ?? ''}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && (
        <form
          class="replay-range"
          onSubmit={(event) => {
            event.preventDefault();
            replayBetween();
          }}
        >
          <h3>Replay a time range</h3>
          <label>
            From <input type="datetime-local" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            To <input type="datetime-local" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          <button type="submit" class="button">
            Replay dead deliveries
          </button>
        </form>
      )}
    </section>
  );
}
