import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import type { FormErrors } from '../api/field-errors';
import type { AgentOption } from '../chat/chat-api';
import { fieldId } from '../components/field-text';
import { CheckboxField, FieldErrors, InputField, SelectField, TextAreaField } from '../components/fields';
import { ScopeChoices } from '../components/scope-choices';
import type { Resource } from '../hooks/use-resource';
import {
  buildKeyBody,
  type CreateKeyBody,
  EMPTY_KEY_DRAFT,
  KEY_FIELDS,
  KEY_SCOPES,
  type KeyDraft,
  type KeyField,
  keyFormErrors,
  toggleScope,
} from './key-draft';
import type { CreatedKey } from './key-view';
import { createKey } from './keys-api';

const ID = {
  name: 'key-name',
  widget: 'key-widget',
  scopes: 'key-scopes',
  agent: 'key-agent',
  origins: 'key-origins',
} as const;

/** The control each field's errors belong to, in the order of the form (the first invalid one takes focus). */
const CONTROL: Record<KeyField, string> = {
  '/name': ID.name,
  '/scopes': ID.scopes,
  '/widget/agentId': ID.agent,
  '/widget/origins': ID.origins,
};

const scopeBoxId = (scope: string) => fieldId(`/scopes/${scope}`);
const NO_ERRORS: FormErrors<KeyField> = { fields: {}, form: [] };

/** "New key": name and scopes, or a widget key with its agent and origins. */
export function CreateKeyForm({
  client,
  agents,
  onCreated,
}: {
  client: ApiClient;
  agents: Resource<AgentOption[]>;
  onCreated: (created: CreatedKey) => void;
}) {
  const [draft, setDraft] = useState<KeyDraft>(EMPTY_KEY_DRAFT);
  const [errors, setErrors] = useState<FormErrors<KeyField>>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const update = (change: Partial<KeyDraft>) => setDraft((current) => ({ ...current, ...change }));

  // After a failed attempt focus moves to the first invalid field, or to the message above the form.
  useLayoutEffect(() => {
    if (attempt === 0) return;
    const first = KEY_FIELDS.find((field) => (errors.fields[field] ?? []).length > 0);
    if (first === '/scopes' && !draft.widget) {
      document.getElementById(scopeBoxId(KEY_SCOPES[0]?.scope ?? ''))?.focus();
    } else if (first !== undefined) {
      document.getElementById(first === '/scopes' ? ID.widget : CONTROL[first])?.focus();
    } else if (errors.form.length > 0) {
      summary.current?.focus();
    }
    // Only after an attempt, not while typing.
  }, [attempt]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    const built = buildKeyBody(draft);
    if (!built.ok) {
      setErrors({ fields: built.errors, form: [] });
      setAttempt((count) => count + 1);
      return;
    }
    const body: CreateKeyBody = built.body;
    setSaving(true);
    setErrors(NO_ERRORS);
    try {
      const created = await createKey(client, body);
      setDraft(EMPTY_KEY_DRAFT);
      setAttempt(0);
      onCreated(created);
    } catch (error) {
      setErrors(keyFormErrors(error, body));
      setAttempt((count) => count + 1);
    } finally {
      setSaving(false);
    }
  };

  const scopeErrors = errors.fields['/scopes'];
  const agentOptions = [
    { value: '', label: agents.status === 'loading' ? 'Loading agents…' : 'Choose an agent' },
    ...(agents.status === 'ready'
      ? agents.data.map((agent) => ({ value: agent.id, label: agent.name }))
      : []),
  ];

  return (
    <section class="form-section" aria-labelledby="new-key-form-title">
      <h2 id="new-key-form-title">New key</h2>
      <p class="section-intro">
        A key lets a program call the API with the scopes you give it. Its value is shown once, after creating
        it.
      </p>
      {errors.form.length > 0 && (
        <div class="alert alert-error" role="alert" tabIndex={-1} ref={summary}>
          <p>The key was not created.</p>
          <ul>
            {errors.form.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <InputField
          id={ID.name}
          label="Name"
          class="field-medium"
          required
          value={draft.name}
          onValue={(name) => update({ name })}
          errors={errors.fields['/name']}
          hint="Where the key is used, e.g. Shop backend."
        />
        <CheckboxField
          id={ID.widget}
          label="Widget key"
          checked={draft.widget}
          onChecked={(widget) => update({ widget })}
          hint="A public key for the chat widget on your website: its only scope is chat, it talks to one agent and works only from the origins you list."
        />
        {draft.widget ? (
          <>
            <p id={ID.scopes} class="field">
              <span class="field-label">Scope:</span> <code>chat</code> (the only scope of a widget key)
            </p>
            <FieldErrors id={ID.scopes} errors={scopeErrors} />
            <SelectField
              id={ID.agent}
              label="Agent"
              class="field-medium"
              required
              value={draft.agentId}
              options={agentOptions}
              onValue={(agentId) => update({ agentId })}
              errors={errors.fields['/widget/agentId']}
              hint={
                agents.status === 'failed'
                  ? 'The agents could not be loaded. Reload the page to try again.'
                  : agents.status === 'ready' && agents.data.length === 0
                    ? 'There are no agents yet: create one first.'
                    : 'The one agent the widget talks to.'
              }
            />
            <TextAreaField
              id={ID.origins}
              label="Allowed origins"
              mono
              rows={3}
              required
              placeholder="e.g. https://shop.example.com"
              value={draft.origins}
              onValue={(origins) => update({ origins })}
              errors={errors.fields['/widget/origins']}
              hint="One a line, e.g. https://shop.example.com (scheme and host, no path). Only pages at these origins can use the key."
            />
          </>
        ) : (
          <ScopeChoices
            id={ID.scopes}
            choices={KEY_SCOPES}
            selected={draft.scopes}
            errors={scopeErrors}
            boxId={scopeBoxId}
            onToggle={(scope, on) => update({ scopes: toggleScope(draft.scopes, scope, on) })}
          />
        )}
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={saving}>
            {saving ? 'Creating…' : 'Create key'}
          </button>
        </div>
      </form>
    </section>
  );
}
