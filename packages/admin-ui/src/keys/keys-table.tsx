import { DateTime } from '../components/date-time';
import { fieldId } from '../components/field-text';
import type { ApiKeyRow } from './key-view';

/** The id of a row's Revoke button, so focus can come back to it. */
export const revokeButtonId = (keyId: string) => fieldId(`/revoke/${keyId}`);

/**
 * The keys as a table: name and prefix, scopes, widget restriction, dates and a Revoke button;
 * under 640 px each row becomes a card whose cells are labelled by their column.
 */
export function KeysTable({
  rows,
  agentNames,
  onRevoke,
}: {
  rows: readonly ApiKeyRow[];
  agentNames: ReadonlyMap<string, string>;
  onRevoke: (row: ApiKeyRow) => void;
}) {
  return (
    <div class="table-wrap">
      <table class="data-table keys-table">
        <caption class="visually-hidden">API keys, keys in use first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Prefix</th>
            <th scope="col">Scopes</th>
            <th scope="col">Widget</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} class={row.revokedAt === null ? undefined : 'row-revoked'}>
              <th scope="row" data-label="Name" class="break-anywhere">
                {row.name}
              </th>
              <td data-label="Prefix">
                <code>{row.prefix}…</code>
              </td>
              <td data-label="Scopes">
                <ul class="inline-list">
                  {row.scopes.map((scope) => (
                    <li key={scope}>
                      <code>{scope}</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td data-label="Widget" class="break-anywhere">
                {row.widget === undefined ? (
                  <span class="secondary-text-inline">No</span>
                ) : (
                  <span>
                    Agent {agentNames.get(row.widget.agentId) ?? <code>{row.widget.agentId}</code>}
                    <ul class="plain-list">
                      {row.widget.origins.map((origin) => (
                        <li key={origin}>
                          <code>{origin}</code>
                        </li>
                      ))}
                    </ul>
                  </span>
                )}
              </td>
              <td data-label="Created">
                <DateTime iso={row.createdAt} none="Unknown" />
              </td>
              <td data-label="Last used">
                <DateTime iso={row.lastUsedAt} none="Never" />
              </td>
              <td data-label="Status">
                {row.revokedAt === null ? (
                  <span class="status-cell">
                    <span class="badge badge-on">Active</span>
                    <button
                      type="button"
                      id={revokeButtonId(row.id)}
                      class="button button-secondary button-small"
                      onClick={() => onRevoke(row)}
                    >
                      Revoke<span class="visually-hidden"> {row.name}</span>
                    </button>
                  </span>
                ) : (
                  <span>
                    <span class="badge badge-off">Revoked</span> <DateTime iso={row.revokedAt} none="" />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
