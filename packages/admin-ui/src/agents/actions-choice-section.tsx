import type { ActionRow } from '../actions/action-rows';
import { fieldId } from '../components/field-text';
import { CheckboxField, FieldErrors } from '../components/fields';
import { LoadingStatus } from '../components/loading-status';
import type { Resource } from '../hooks/use-resource';
import type { AgentSectionProps as SectionProps } from './agent-section-props';

/** Which actions the agent may use: all enabled ones, or those chosen. */
export function ActionsSection({
  draft,
  change,
  messages,
  actions,
}: SectionProps & { actions: Resource<ActionRow[]> }) {
  const errors = messages['/actions'];
  const id = fieldId('/actions');
  const rows = actions.status === 'ready' ? actions.data : [];
  const chosen = (row: ActionRow) => draft.actions.includes(row.id) || draft.actions.includes(row.name);
  const unknown = draft.actions.filter(
    (entry) => !rows.some((row) => row.id === entry || row.name === entry),
  );
  const toggle = (row: ActionRow, on: boolean) => {
    const rest = draft.actions.filter((entry) => entry !== row.id && entry !== row.name);
    change({ actions: on ? [...rest, row.id] : rest });
  };
  return (
    <section class="form-section" aria-labelledby="agent-section-actions">
      <h2 id="agent-section-actions">Actions</h2>
      <fieldset class="field choice-group" aria-describedby={errors ? `${id}-error` : undefined}>
        <legend>Actions it may use</legend>
        <div class="checkbox-line">
          <input
            id={id}
            type="radio"
            name="agent-actions-mode"
            checked={draft.actionsMode === 'all'}
            onChange={() => change({ actionsMode: 'all' })}
          />
          <label for={id}>All enabled actions</label>
        </div>
        <div class="checkbox-line">
          <input
            id="agent-actions-some"
            type="radio"
            name="agent-actions-mode"
            checked={draft.actionsMode === 'some'}
            onChange={() => change({ actionsMode: 'some' })}
          />
          <label for="agent-actions-some">Only the actions chosen below</label>
        </div>
        <FieldErrors id={id} errors={errors} />
      </fieldset>
      {draft.actionsMode === 'some' && (
        <fieldset class="field choice-group action-checklist">
          <legend>Chosen actions</legend>
          {actions.status === 'loading' && <LoadingStatus label="Loading actions…" />}
          {actions.status === 'failed' && (
            <p class="field-hint">The actions could not be loaded; the agent keeps the ones listed here.</p>
          )}
          {actions.status === 'ready' && rows.length === 0 && (
            <p class="field-hint">There are no actions yet.</p>
          )}
          {rows.map((row) => (
            <CheckboxField
              key={row.id}
              id={`agent-action-${row.id}`}
              label={
                <>
                  <code>{row.name}</code>
                  {row.enabled ? '' : ' (disabled)'}
                </>
              }
              checked={chosen(row)}
              onChecked={(on) => toggle(row, on)}
            />
          ))}
          {unknown.map((entry) => (
            <CheckboxField
              key={entry}
              id={`agent-action-unknown-${entry}`}
              label={
                <>
                  <code>{entry}</code> (not found)
                </>
              }
              checked
              onChecked={() => change({ actions: draft.actions.filter((other) => other !== entry) })}
            />
          ))}
        </fieldset>
      )}
    </section>
  );
}
