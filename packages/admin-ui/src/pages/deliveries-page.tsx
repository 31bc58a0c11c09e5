import { Fragment } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import { DateTime } from '../components/date-time';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { LoadingStatus } from '../components/loading-status';
import { PageTitle } from '../components/page-title';
import { listAttempts, listDeliveries, replayDelivery, replayRange } from '../deliveries/deliveries-api';
import {
  type AttemptRow,
  DELIVERY_KINDS,
  DELIVERY_STATUSES,
  type DeliveryKind,
  type DeliveryRow,
  type DeliveryStatus,
  describeDelivery,
  describeLastAttempt,
  formatDuration,
  replayRangeOf,
} from '../deliveries/delivery-view';
import { useResource } from '../hooks/use-resource';
import { useApp } from '../session/app-context';

/** One delivery's attempts, loaded when its row is opened. */
function AttemptsTable({ id }: { id: string }) {
  const { client } = useApp();
  const load = useCallback(() => listAttempts(client, id), [client, id]);
  const { resource, reload } = useResource<AttemptRow[]>(load);
  if (resource.status === 'loading') return <LoadingStatus label="Loading attempts…" />;
  if (resource.status === 'failed') return <ErrorAlert error={resource.error} onRetry={reload} />;
  if (resource.data.length === 0) return <p>No attempt yet.</p>;
  return (
    <table class="data-table attempts-table">
      <caption>Attempts of {id}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Started</th>
          <th scope="col">Duration</th>
          <th scope="col">Outcome</th>
          <th scope="col">Status</th>
          <th scope="col">Error</th>
          <th scope="col">Response</th>
        </tr>
      </thead>
      <tbody>
        {resource.data.map((attempt) => (
          <tr key={`${attempt.attempt}-${attempt.startedAt}`}>
            <td data-label="#">{attempt.attempt}</td>
            <td data-label="Started">
              <DateTime iso={attempt.startedAt} />
            </td>
            <td data-label="Duration">{formatDuration(attempt.durationMs)}</td>
            <td data-label="Outcome">{attempt.outcome}</td>
            <td data-label="Status">{attempt.status ?? '—'}</td>
            <td data-label="Error">{attempt.error ?? '—'}</td>
            <td data-label="Response">
              {attempt.responseExcerpt ? <code>{attempt.responseExcerpt}</code> : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Replays every dead delivery created in a time range, after the operator confirms it. */
function ReplayRangeForm({ onReplayed }: { onReplayed: (message: string) => void }) {
  const { client } = useApp();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState('');
  const [confirming, setConfirming] = useState<{ from: string; to: string } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const range = replayRangeOf(from, to);
    if ('problem' in range) {
      setProblem(range.problem);
      return;
    }
    setProblem('');
    setConfirming(range);
  };
  const replay = async () => {
    if (!confirming) return;
    try {
      const replayed = await replayRange(client, confirming);
      setConfirming(null);
      onReplayed(
        replayed.length === 0
          ? 'No dead delivery was created in that range.'
          : `${replayed.length} dead ${replayed.length === 1 ? 'delivery is' : 'deliveries are'} queued again.`,
      );
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <section aria-labelledby="replay-range-title" class="form-section">
      <h2 id="replay-range-title">Replay dead deliveries by time</h2>
      <p>
        Every dead delivery created in the range is queued again with its own id, so receivers can drop
        repeats.
      </p>
      <form onSubmit={submit} noValidate>
        <div class="field-row">
          <label>
            From
            <input type="datetime-local" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            To
            <input type="datetime-local" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
        </div>
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" class="button button-secondary">
          Replay range…
        </button>
      </form>
      {confirming && (
        <div class="secret-panel" role="alertdialog" aria-labelledby="replay-confirm-title">
          <p id="replay-confirm-title">
            Replay every dead delivery created from <DateTime iso={confirming.from} /> to{' '}
            <DateTime iso={confirming.to} />? Their receivers get them again.
          </p>
          <div class="button-row">
            <button type="button" class="button button-primary" onClick={replay}>
              Replay them
            </button>
            <button type="button" class="button button-secondary" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {failure !== null && <ErrorAlert error={failure} />}
    </section>
  );
}

/** The tenant's delivery queue: dead letters first, each delivery's attempts, replay. */
export function DeliveriesPage({ canManage }: { canManage: boolean }) {
  const { client } = useApp();
  const [status, setStatus] = useState<DeliveryStatus | ''>('dead');
  const [kind, setKind] = useState<DeliveryKind | ''>('');
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const load = useCallback(
    () => listDeliveries(client, { ...(status ? { status } : {}), ...(kind ? { kind } : {}) }),
    [client, status, kind],
  );
  const { resource: page, reload } = useResource(load);

  const replayOne = async (row: DeliveryRow) => {
    setFailure(null);
    try {
      await replayDelivery(client, row.id);
      setNotice(`${row.id} is queued again.`);
      reload();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <PageTitle title="Deliveries">
        <p class="page-intro">
          Everything queued to reach your systems: subscription events, agents' webhook triggers, channel
          replies. A delivery that ran out of retries is dead until you replay it.
        </p>
      </PageTitle>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value as DeliveryStatus | '')}>
            <option value="">Any</option>
            {DELIVERY_STATUSES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as DeliveryKind | '')}>
            <option value="">Any</option>
            {DELIVERY_KINDS.map((value) => (
              <option key={value} value={value}>
                {describeDelivery({ kind: value, eventType: null })}
              </option>
            ))}
          </select>
        </label>
      </form>
      <p class="form-status" role="status">
        {notice}
      </p>
      {failure !== null && <ErrorAlert error={failure} />}
      <section aria-labelledby="deliveries-list-title">
        <h2 id="deliveries-list-title" class="visually-hidden">
          Deliveries
        </h2>
        {page.status === 'loading' && <LoadingStatus label="Loading deliveries…" />}
        {page.status === 'failed' && <ErrorAlert error={page.error} onRetry={reload} />}
        {page.status === 'ready' && page.data.deliveries.length === 0 && (
          <EmptyState title={status === 'dead' ? 'No dead deliveries' : 'No deliveries'}>
            <p>Nothing matches these filters.</p>
          </EmptyState>
        )}
        {page.status === 'ready' && page.data.deliveries.length > 0 && (
          <div class="table-wrap">
            <table class="data-table deliveries-table">
              <caption class="visually-hidden">Deliveries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">What</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last attempt</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {page.data.deliveries.map((row) => (
                  <Fragment key={row.id}>
                    <tr>
                      <td data-label="Created">
                        <DateTime iso={row.createdAt} />
                      </td>
                      <td data-label="What">
                        {describeDelivery(row)}
                        <div>
                          <code>{row.id}</code>
                        </div>
                      </td>
                      <td data-label="Status">{row.status}</td>
                      <td data-label="Attempts">{row.attempts}</td>
                      <td data-label="Last attempt">{describeLastAttempt(row)}</td>
                      <td data-label="Actions">
                        <div class="button-row">
                          <button
                            type="button"
                            class="button button-secondary"
                            aria-expanded={open === row.id}
                            onClick={() => setOpen(open === row.id ? null : row.id)}
                          >
                            {open === row.id ? 'Hide attempts' : `Attempts of ${row.id}`}
                          </button>
                          {canManage && row.status === 'dead' && (
                            <button
                              type="button"
                              class="button button-primary"
                              onClick={() => replayOne(row)}
                            >
                              Replay {row.id}
                            </button>
                          )}
                        </div>
                      </td>
                    </tr>
                    {open === row.id && (
                      <tr>
                        <td colSpan={6}>
                          <AttemptsTable id={row.id} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canManage && (
        <ReplayRangeForm
          onReplayed={(message) => {
            setNotice(message);
            reload();
          }}
        />
      )}
    </>
  );
}
