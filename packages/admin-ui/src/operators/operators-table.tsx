import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DateTime } from '../components/date-time';
import { fieldId } from '../components/field-text';
import { useApp } from '../session/app-context';
import { EditScopes, editScopesButtonId } from './edit-scopes';
import type { OperatorRow } from './operator-view';
import { isSelf } from './operator-view';
import { listOperators } from './operators-api';

/** The id of a row's Disable button, so focus can come back to it. */
export const disableButtonId = (operatorId: string) => fieldId(`/disable/${operatorId}`);

/**
 * The operators as a table (cards under 640 px); the signed-in operator cannot disable themselves.
 * "Edit scopes" changes an active operator's scopes, then reloads the list (and calls
 * `onScopesSaved`, so the page can reload what else shows the change, such as the audit log).
 */
export function OperatorsTable({
  rows: given,
  actor,
  onDisable,
  onScopesSaved,
}: {
  rows: readonly OperatorRow[];
  actor: string;
  onDisable: (row: OperatorRow) => void;
  onScopesSaved?: (operator: OperatorRow) => void;
}) {
  const { client } = useApp();
  const [editing, setEditing] = useState<string | null>(null);
  // The list as reloaded after a save, until the page hands over newer rows.
  const [reloaded, setReloaded] = useState<{ from: readonly OperatorRow[]; rows: OperatorRow[] } | null>(
    null,
  );
  const rows = reloaded !== null && reloaded.from === given ? reloaded.rows : given;
  const focusAfter = useRef<(() => void) | null>(null);

  useLayoutEffect(() => {
    focusAfter.current?.();
    focusAfter.current = null;
  });

  const close = (id: string) => {
    focusAfter.current = () => document.getElementById(editScopesButtonId(id))?.focus();
    setEditing(null);
  };

  const saved = async (operator: OperatorRow) => {
    close(operator.id);
    onScopesSaved?.(operator);
    const from = given;
    try {
      setReloaded({ from, rows: await listOperators(client) });
    } catch {
      // Show at least the saved operator's new scopes when the list cannot be reloaded.
      setReloaded({ from, rows: rows.map((row) => (row.id === operator.id ? operator : row)) });
    }
  };

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
          {rows.map((row) => [
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
                <DateTime iso={row.createdAt} none="Unknown" />
              </td>
              <td data-label="Status">
                {row.disabledAt === null ? (
                  <span class="status-cell">
                    <span class="badge badge-on">Active</span>
                    <button
                      type="button"
                      id={editScopesButtonId(row.id)}
                      class="button button-secondary button-small"
                      aria-expanded={editing === row.id}
                      onClick={() => setEditing(editing === row.id ? null : row.id)}
                    >
                      Edit scopes<span class="visually-hidden"> of {row.email}</span>
                    </button>
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
                    <span class="badge badge-off">Disabled</span> <DateTime iso={row.disabledAt} none="" />
                  </span>
                )}
              </td>
            </tr>,
            editing === row.id && row.disabledAt === null && (
              <tr key={`${row.id}-scopes`} class="row-editor">
                <td colSpan={4}>
                  <EditScopes
                    client={client}
                    row={row}
                    self={isSelf(actor, row.id)}
                    onSaved={saved}
                    onCancel={() => close(row.id)}
                  />
                </td>
              </tr>
            ),
          ])}
        </tbody>
      </table>
    </div>
  );
}
