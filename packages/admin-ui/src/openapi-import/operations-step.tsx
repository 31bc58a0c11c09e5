import { FieldErrors } from '../components/fields';
import { countByStatus } from './import-rows';
import { OperationItem } from './operation-row';
import type { ImportWizard } from './use-import-wizard';

/**
 * Step 2: every operation of the document with what it becomes, why one cannot be imported, its
 * warnings, and for a re-import the diff with the stored actions; new ones can be chosen.
 */
export function OperationsStep({ wizard }: { wizard: ImportWizard }) {
  const { preview, selected, refused } = wizard;
  if (!preview) return null;
  const { report, rows } = preview;
  const counts = countByStatus(rows);
  const selectable = rows.filter((row) => row.selectable).map((row) => row.name);
  const serverSays = refused?.placed.fields ?? {};
  const toggle = (name: string, on: boolean) =>
    wizard.setSelected(
      on ? [...selected.filter((entry) => entry !== name), name] : selected.filter((entry) => entry !== name),
    );
  const removed = report.diff.removed;
  return (
    <section class="form-section import-step" aria-labelledby="import-operations-title">
      <h2 id="import-operations-title">
        {report.title || 'Untitled API'}{' '}
        {report.version && <span class="secondary-text">{report.version}</span>}
      </h2>
      <p class="section-intro" id="import-operations-summary">
        {rows.length} {rows.length === 1 ? 'operation' : 'operations'} ({report.format}
        {preview.baseUrl ? `, on ${preview.baseUrl}` : ''}): {counts.new} new, {counts.changed} changed,{' '}
        {counts.unchanged} unchanged
        {counts.taken > 0 ? `, ${counts.taken} with a name already taken` : ''}, {counts.refused} cannot
        become actions. Only new operations can be created; an existing action is never overwritten.
      </p>
      {rows.length === 0 && <p>The document has no operations.</p>}
      {selectable.length > 0 && (
        <div class="button-row">
          <button
            type="button"
            class="button button-secondary button-small"
            onClick={() => wizard.setSelected(selectable)}
          >
            Choose every new operation ({selectable.length})
          </button>
          <button
            type="button"
            class="button button-secondary button-small"
            onClick={() => wizard.setSelected([])}
          >
            Choose none
          </button>
          <span class="form-status" role="status">
            {selected.length} chosen
          </span>
        </div>
      )}
      {selectable.length === 0 && counts.refused > 0 && (
        <p class="alert alert-info">
          No operation can be created as the document stands. If they are refused for their server (http only,
          relative), choose another base URL in the next step: the list is made again with it.
        </p>
      )}
      <ul class="import-operations" aria-label="Operations of the document">
        {rows.map((row) => (
          <OperationItem
            key={row.name}
            row={row}
            checked={row.selectable && selected.includes(row.name)}
            onChecked={(on) => toggle(row.name, on)}
            serverError={serverSays[`operation:${row.name}`]}
          />
        ))}
      </ul>
      {removed.length > 0 && (
        <div class="alert alert-warning">
          <p>
            {removed.length === 1 ? 'This action' : 'These actions'} of the same API{' '}
            {removed.length === 1 ? 'is' : 'are'} no longer in the document (the import leaves them as they
            are):
          </p>
          <ul>
            {removed.map((name) => (
              <li key={name}>
                <code>{name}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <FieldErrors
        id="import-selection"
        errors={wizard.problems.selection ? [wizard.problems.selection] : undefined}
      />
      <div class="button-row">
        <button type="button" class="button button-secondary" onClick={() => wizard.goTo('source')}>
          Back
        </button>
        <button type="button" class="button button-primary" onClick={() => wizard.goTo('connection')}>
          Next: base URL and credentials
        </button>
      </div>
    </section>
  );
}
