import { DateTime } from '../components/date-time';
import { Link } from '../router/link';
import type { ActionListRow } from './call-summaries';

/**
 * The actions as a table, each name a link to the action's page, with its latest call and its calls
 * of the last 24 hours; operators who manage actions can switch one on or off in place. Under
 * 640 px each row becomes a card whose cells are labelled by their column (`data-label`).
 */
export function ActionsTable({
  rows,
  onToggle,
  busyId,
}: {
  rows: readonly ActionListRow[];
  /** Present when the operator may change actions. */
  onToggle?: (row: ActionListRow) => void;
  /** The action being switched right now. */
  busyId?: string | undefined;
}) {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption class="visually-hidden">Actions, by name</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Enabled</th>
            <th scope="col">Method</th>
            <th scope="col">URL host</th>
            <th scope="col">Last call</th>
            <th scope="col">Calls (24 h)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" data-label="Name">
                <span>
                  <Link href={`/actions/${encodeURIComponent(row.id)}`} class="action-link">
                    <code class="action-name">{row.name}</code>
                  </Link>
                  {row.displayName && <span class="secondary-text">{row.displayName}</span>}
                </span>
              </th>
              <td data-label="Enabled">
                <span class={row.enabled ? 'badge badge-on' : 'badge badge-off'}>
                  {row.enabled ? 'Enabled' : 'Disabled'}
                </span>
                {onToggle && (
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    disabled={busyId === row.id}
                    aria-label={`${row.enabled ? 'Disable' : 'Enable'} ${row.name}`}
                    onClick={() => onToggle(row)}
                  >
                    {row.enabled ? 'Disable' : 'Enable'}
                  </button>
                )}
              </td>
              <td data-label="Method">
                <code>{row.method}</code>
              </td>
              <td data-label="URL host" class="break-anywhere">
                {row.host}
              </td>
              <td data-label="Last call">
                {row.calls ? (
                  <span>
                    <span class={row.calls.lastOutcome === 'ok' ? 'badge badge-on' : 'badge badge-error'}>
                      {row.calls.lastOutcome === 'ok' ? 'OK' : 'Failed'}
                    </span>{' '}
                    <DateTime iso={row.calls.lastCallAt} />
                  </span>
                ) : (
                  <span class="secondary-text">Never</span>
                )}
              </td>
              <td data-label="Calls (24 h)">{row.calls?.callsLast24h ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
