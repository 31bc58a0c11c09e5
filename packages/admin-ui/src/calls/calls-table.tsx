import { formatDuration } from '../actions/test-console/test-result';
import { DateTime } from '../components/date-time';
import { Link } from '../router/link';
import { conversationCallsPath } from './call-filters';
import { type CallRecord, outcomeLabel, triggerLabel } from './call-record';

/** The outcome as a coloured badge: "OK" or "Failed: timeout". */
export function OutcomeBadge({ call }: { call: Pick<CallRecord, 'outcome' | 'failureKind'> }) {
  return (
    <span class={`badge ${call.outcome === 'ok' ? 'status-ok' : 'status-error'}`}>{outcomeLabel(call)}</span>
  );
}

/**
 * The calls of the log as a table, newest first; each action name links to the call's page. Under
 * 640 px each row becomes a card whose cells are labelled by their column.
 */
export function CallsTable({ calls }: { calls: readonly CallRecord[] }) {
  return (
    <div class="table-wrap">
      <table class="data-table calls-table">
        <caption class="visually-hidden">Calls, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Time</th>
            <th scope="col">Outcome</th>
            <th scope="col">Status</th>
            <th scope="col">Duration</th>
            <th scope="col">Trigger</th>
            <th scope="col">Conversation</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((call) => (
            <tr key={call.id}>
              <th scope="row" data-label="Action">
                <Link href={`/calls/${encodeURIComponent(call.id)}`} class="action-link">
                  <code class="action-name">{call.actionName}</code>
                </Link>
              </th>
              <td data-label="Time">
                <DateTime iso={call.createdAt} />
              </td>
              <td data-label="Outcome">
                <OutcomeBadge call={call} />
              </td>
              <td data-label="Status">{call.status ?? '—'}</td>
              <td data-label="Duration">{formatDuration(call.durationMs)}</td>
              <td data-label="Trigger">{triggerLabel(call.trigger)}</td>
              <td data-label="Conversation" class="break-anywhere">
                {call.conversationId ? (
                  <Link
                    href={conversationCallsPath(call.conversationId)}
                    title="All calls of this conversation"
                  >
                    <code>{call.conversationId}</code>
                  </Link>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
