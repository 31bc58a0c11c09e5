import { fieldId } from '../components/field-text';
import type { OperatorRow } from './operator-view';
import { isSelf } from './operator-view';

/** A date in the reader's locale, or a word when there is none. */
export function When({ iso, none }: { iso: string | null; none: string }) {
  if (iso === null || iso === '') return <span class="secondary-text-inline">{none}</span>;
  const date = new Date(iso);
  return <time dateTime={iso}>{Number.isNaN(date.getTime()) ? iso : date.toLocaleString()}</time>;
}

/** The id of a row's Disable button, so focus can come back to it. */
export const disableButtonId = (operatorId: string) => fieldId(`/disable/${operatorId}`);

/** The operators as a table (cards under 640 px); the signed-in operator cannot disable themselves. */
export function OperatorsTable({
  rows,
  actor,
  onDisable,
}: {
  rows: readonly OperatorRow[];
  actor: string;
  onDisable: (row: OperatorRow) => void;
}) {
  return (
    <div class="table-wrap">
      <table class="data-table operators-table">
        <caption class="visually-hidden">Operators, active ones first</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} class={row.disabledAt === null ? undefined : 'row-revoked'}>
              <th scope="row" data-label="Email" class="break-anywhere">
                {row.email}
                {isSelf(actor, row.id) && <span class="secondary-text-inline"> (you)</span>}
              </th>
              <td data-label="Scopes">
                <ul class="inline-list">
                  {row.scopes.map((scope) => (
                    <li key={scope}>
                      <code>{scope}</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td data-label="Created">
                <When iso={row.createdAt} none="Unknown" />
              </td>
              <td data-label="Status">
                {row.disabledAt === null ? (
                  <span class="status-cell">
                    <span class="badge badge-on">Active</span>
                    {!isSelf(actor, row.id) && (
                      <button
                        type="button"
                        id={disableButtonId(row.id)}
                        class="button button-secondary button-small"
                        onClick={() => onDisable(row)}
                      >
                        Disable<span class="visually-hidden"> {row.email}</span>
                      </button>
                    )}
                  </span>
                ) : (
                  <span>
                    <span class="badge badge-off">Disabled</span> <When iso={row.disabledAt} none="" />
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
