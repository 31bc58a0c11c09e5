import { asSentence } from '../components/field-text';
import { Link } from '../router/link';
import { describeAuth } from './import-auth';
import { changeText, type OperationRow, type RowStatus } from './import-rows';

const STATUS: Record<RowStatus, { label: string; badge: string }> = {
  new: { label: 'New', badge: 'badge badge-on' },
  changed: { label: 'Changed', badge: 'badge badge-changed' },
  unchanged: { label: 'Unchanged', badge: 'badge badge-off' },
  taken: { label: 'Name taken', badge: 'badge badge-changed' },
  refused: { label: 'Cannot import', badge: 'badge badge-error' },
};

const actionHref = (id: string) => `/actions/${encodeURIComponent(id)}`;

/** Why a row cannot be chosen, in one sentence with a link to the stored action. */
function ExistingNote({ row }: { row: OperationRow }) {
  if (row.existingId === undefined) return null;
  const link = (
    <Link href={actionHref(row.existingId)}>
      <code>{row.name}</code>
    </Link>
  );
  if (row.status === 'unchanged') return <p>Already imported: {link} is the same as in the document.</p>;
  if (row.status === 'changed') {
    return (
      <p>
        Already imported as {link}; the document differs (below). The import never overwrites it: edit the
        action to take the changes.
      </p>
    );
  }
  return <p>An action of another API is named {link}; the import does not replace it.</p>;
}

/** The differing fields of a stored action: field, stored value, document's value. */
function ChangeTable({ row }: { row: OperationRow }) {
  return (
    <details class="import-changes" open>
      <summary>
        {row.changes.length} {row.changes.length === 1 ? 'field differs' : 'fields differ'}
      </summary>
      <table class="data-table change-table">
        <caption class="visually-hidden">What differs for {row.name}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">In Toolgate</th>
            <th scope="col">In the document</th>
          </tr>
        </thead>
        <tbody>
          {row.changes.map((change) => (
            <tr key={change.path}>
              <th scope="row" data-label="Field">
                <code>{change.path}</code>
              </th>
              <td data-label="In Toolgate" class="break-anywhere">
                <del>{changeText(change.before)}</del>
              </td>
              <td data-label="In the document" class="break-anywhere">
                <ins>{changeText(change.after)}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/**
 * One operation: its checkbox (new operations only), method, path, the action name it gets, its
 * status, and below it why it cannot be imported, the warnings, and the diff with a stored action.
 */
export function OperationItem({
  row,
  checked,
  onChecked,
  serverError,
}: {
  row: OperationRow;
  checked: boolean;
  onChecked: (on: boolean) => void;
  serverError?: string | undefined;
}) {
  const id = `import-op-${row.name}`;
  const status = STATUS[row.status];
  const notes = row.reasons.length + row.warnings.length > 0 || row.existingId !== undefined || serverError;
  return (
    <li class={`import-operation import-status-${row.status}`}>
      <div class="import-operation-line">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={!row.selectable}
          aria-describedby={notes ? `${id}-notes` : undefined}
          onChange={(event) => onChecked(event.currentTarget.checked)}
        />
        <label for={id}>
          <span class="import-method">{row.method}</span> <code class="import-path">{row.path}</code>
          <span class="import-arrow" aria-hidden="true">
            {' → '}
          </span>
          <span class="visually-hidden"> becomes </span>
          <code class="action-name">{row.name}</code>
        </label>
        <span class={status.badge}>{status.label}</span>
        {row.auth && <span class="secondary-text import-auth">auth: {row.auth.scheme}</span>}
      </div>
      {notes && (
        <div id={`${id}-notes`} class="import-notes">
          {serverError && <p class="field-error">{asSentence(serverError)}</p>}
          {row.reasons.length > 0 && (
            <ul class="import-reasons" aria-label="Why it cannot become an action">
              {row.reasons.map((reason) => (
                <li key={reason}>{asSentence(reason)}</li>
              ))}
            </ul>
          )}
          {row.warnings.length > 0 && (
            <ul class="import-warnings" aria-label="Warnings">
              {row.warnings.map((warning) => (
                <li key={warning}>Warning: {asSentence(warning)}</li>
              ))}
            </ul>
          )}
          <ExistingNote row={row} />
          {row.status === 'changed' && row.changes.length > 0 && <ChangeTable row={row} />}
        </div>
      )}
      {row.auth && <span class="visually-hidden">It needs {describeAuth(row.auth)}.</span>}
    </li>
  );
}
