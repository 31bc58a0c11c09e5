import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import type { FormErrors } from '../api/field-errors';
import { fieldId } from '../components/field-text';
import { InputField } from '../components/fields';
import { ScopeChoices } from '../components/scope-choices';
import {
  buildOperatorBody,
  EMPTY_OPERATOR_DRAFT,
  OPERATOR_FIELDS,
  OPERATOR_SCOPES,
  type OperatorDraft,
  type OperatorField,
  operatorFormErrors,
  PASSWORD_MIN,
  toggleOperatorScope,
} from './operator-draft';
import type { OperatorRow } from './operator-view';
import { createOperator } from './operators-api';

const ID = { email: 'operator-email', password: 'operator-password', scopes: 'operator-scopes' } as const;
const scopeBoxId = (scope: string) => fieldId(`/operator-scopes/${scope}`);
const NO_ERRORS: FormErrors<OperatorField> = { fields: {}, form: [] };

/** "Add operator": email, password and scopes. */
export function CreateOperatorForm({
  client,
  onCreated,
}: {
  client: ApiClient;
  onCreated: (operator: OperatorRow) => void;
}) {
  const [draft, setDraft] = useState<OperatorDraft>(EMPTY_OPERATOR_DRAFT);
  const [errors, setErrors] = useState<FormErrors<OperatorField>>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const update = (change: Partial<OperatorDraft>) => setDraft((current) => ({ ...current, ...change }));

  // After a failed attempt focus moves to the first invalid field, or to the message above the form.
  useLayoutEffect(() => {
    if (attempt === 0) return;
    const first = OPERATOR_FIELDS.find((field) => (errors.fields[field] ?? []).length > 0);
    if (first === '/scopes') document.getElementById(scopeBoxId(OPERATOR_SCOPES[0]?.scope ?? ''))?.focus();
    else if (first === '/email') document.getElementById(ID.email)?.focus();
    else if (first === '/password') document.getElementById(ID.password)?.focus();
    else if (errors.form.length > 0) summary.current?.focus();
    // Only after an attempt, not while typing.
  }, [attempt]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    const built = buildOperatorBody(draft);
    if (!built.ok) {
      setErrors({ fields: built.errors, form: [] });
      setAttempt((count) => count + 1);
      return;
    }
    setSaving(true);
    setErrors(NO_ERRORS);
    try {
      const created = await createOperator(client, built.body);
      setDraft(EMPTY_OPERATOR_DRAFT);
      setAttempt(0);
      onCreated(created);
    } catch (error) {
      setErrors(operatorFormErrors(error));
      setAttempt((count) => count + 1);
    } finally {
      setSaving(false);
    }
  };

  const scopeErrors = errors.fields['/scopes'];
  return (
    <section class="form-section" aria-labelledby="new-operator-form-title">
      <h2 id="new-operator-form-title">Add operator</h2>
      <p class="section-intro">An operator signs in to this app with an email and a password.</p>
      {errors.form.length > 0 && (
        <div class="alert alert-error" role="alert" tabIndex={-1} ref={summary}>
          <p>The operator was not added.</p>
          <ul>
            {errors.form.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <InputField
          id={ID.email}
          label="Email"
          type="email"
          inputMode="email"
          autocomplete="off"
          class="field-medium"
          required
          value={draft.email}
          onValue={(email) => update({ email })}
          errors={errors.fields['/email']}
        />
        <InputField
          id={ID.password}
          label="Password"
          type="password"
          autocomplete="new-password"
          class="field-medium"
          required
          value={draft.password}
          onValue={(password) => update({ password })}
          errors={errors.fields['/password']}
          hint={`At least ${PASSWORD_MIN} characters. Give it to the new operator in a safe way.`}
        />
        <ScopeChoices
          id={ID.scopes}
          choices={OPERATOR_SCOPES}
          selected={draft.scopes}
          errors={scopeErrors}
          boxId={scopeBoxId}
          onToggle={(scope, on) => update({ scopes: toggleOperatorScope(draft.scopes, scope, on) })}
        />
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={saving}>
            {saving ? 'Adding…' : 'Add operator'}
          </button>
        </div>
      </form>
    </section>
  );
}
