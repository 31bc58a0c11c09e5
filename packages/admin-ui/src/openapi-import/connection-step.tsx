import { FieldErrors } from '../components/fields';
import { BaseUrlChoice } from './base-url-choice';
import { schemesFor } from './import-auth';
import { orderedSelection } from './import-rows';
import { SecretFields } from './secret-fields';
import type { ImportWizard } from './use-import-wizard';

/** Step 3: the base URL, the credentials of the chosen operations' schemes, and Create. */
export function ConnectionStep({ wizard }: { wizard: ImportWizard }) {
  const { preview } = wizard;
  if (!preview) return null;
  const names = orderedSelection(preview.rows, wizard.selected);
  const needs = schemesFor(preview.rows, names);
  const serverSays = wizard.refused?.placed.fields ?? {};
  return (
    <form
      class="form-section import-step"
      aria-labelledby="import-connection-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void wizard.create();
      }}
    >
      <h2 id="import-connection-title">Base URL and credentials</h2>
      <BaseUrlChoice wizard={wizard} />
      <h3>Credentials</h3>
      {needs.length === 0 ? (
        <p class="section-intro">The chosen operations need no credentials.</p>
      ) : (
        <p class="section-intro">
          The document says how each API is authenticated, never with what: enter the credentials here.
        </p>
      )}
      {needs.map((need) => (
        <SecretFields
          key={need.auth.scheme}
          need={need}
          draft={wizard.secrets[need.auth.scheme]}
          onChange={(change) => wizard.setSecret(need.auth.scheme, change)}
          problems={wizard.problems}
          serverError={serverSays[`secret:${need.auth.scheme}`]}
        />
      ))}
      <h3>To create</h3>
      {names.length === 0 ? (
        <p>No operation is chosen.</p>
      ) : (
        <p id="import-creating">
          {names.length} {names.length === 1 ? 'action' : 'actions'}:{' '}
          {names.map((name, index) => (
            <span key={name}>
              {index > 0 && ', '}
              <code>{name}</code>
            </span>
          ))}
          . They are created enabled, each with its own signing secret.
        </p>
      )}
      <FieldErrors
        id="import-selection"
        errors={wizard.problems.selection ? [wizard.problems.selection] : undefined}
      />
      <div class="button-row">
        <button type="button" class="button button-secondary" onClick={() => wizard.goTo('operations')}>
          Back
        </button>
        <button type="submit" class="button button-primary" disabled={wizard.busy !== null}>
          {wizard.busy === 'create'
            ? 'Creating…'
            : `Create ${names.length} ${names.length === 1 ? 'action' : 'actions'}`}
        </button>
      </div>
    </form>
  );
}
