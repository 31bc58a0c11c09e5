import { Link } from '../router/link';
import type { ActionRow } from './action-rows';

/**
 * The actions as a table, each name a link to the action's page; under 640 px each row becomes a card whose cells are labelled by
 * their column (the `data-label` attribute, shown by the stylesheet).
 */
export function ActionsTable({ rows }: { rows: readonly ActionRow[] }) {
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
              </td>
              <td data-label="Method">
                <code>{row.method}</code>
              </td>
              <td data-label="URL host" class="break-anywhere">
                {row.host}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
