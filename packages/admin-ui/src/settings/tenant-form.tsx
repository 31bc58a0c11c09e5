import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import type { FormErrors } from '../api/field-errors';
import { InputField } from '../components/fields';
import type { Tenant } from '../operators/operator-view';
import { patchTenant } from '../operators/operators-api';
import {
  actionUsage,
  buildTenantBody,
  MAX_ACTIONS_LIMIT,
  type PatchTenantBody,
  suggestedLimit,
  TENANT_FIELDS,
  type TenantDraft,
  type TenantField,
  tenantDraft,
  tenantFormErrors,
} from './tenant-draft';

const ID = { name: 'tenant-name', maxActions: 'tenant-max-actions' } as const;
const NO_ERRORS: FormErrors<TenantField> = { fields: {}, form: [] };

/**
 * The tenant's name and action limit: how many actions it has of how many it may have, a button
 * that raises a reached limit in one step, and the form to set both.
 */
export function TenantForm({
  client,
  loaded,
  actionCount,
}: {
  client: ApiClient;
  loaded: Tenant;
  actionCount: number;
}) {
  const [current, setCurrent] = useState(loaded);
  const [draft, setDraft] = useState<TenantDraft>(() => tenantDraft(loaded));
  const [errors, setErrors] = useState<FormErrors<TenantField>>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState('');
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const update = (change: Partial<TenantDraft>) => {
    setNotice('');
    setDraft((value) => ({ ...value, ...change }));
  };

  useEffect(() => {
    setCurrent(loaded);
    setDraft(tenantDraft(loaded));
  }, [loaded]);

  useLayoutEffect(() => {
    if (attempt === 0) return;
    const first = TENANT_FIELDS.find((field) => (errors.fields[field] ?? []).length > 0);
    if (first === '/name') document.getElementById(ID.name)?.focus();
    else if (first === '/maxActions') document.getElementById(ID.maxActions)?.focus();
    else if (errors.form.length > 0) summary.current?.focus();
  }, [attempt]);

  const send = async (body: PatchTenantBody) => {
    setSaving(true);
    try {
      const saved = await patchTenant(client, body);
      setCurrent(saved);
      setDraft(tenantDraft(saved));
      setNotice('The settings are saved.');
    } catch (error) {
      setErrors(tenantFormErrors(error));
      setAttempt((count) => count + 1);
    } finally {
      setSaving(false);
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    const built = buildTenantBody(draft, current);
    if (!built.ok) {
      setErrors({ fields: built.errors, form: [] });
      setAttempt((count) => count + 1);
      return;
    }
    setErrors(NO_ERRORS);
    if (Object.keys(built.body).length === 0) {
      setNotice('Nothing changed.');
      return;
    }
    await send(built.body);
  };

  const usage = actionUsage(actionCount, current.maxActions);
  const raiseTo = suggestedLimit(actionCount, current.maxActions);
  const canRaise = raiseTo > current.maxActions;

  return (
    <>
      <section class="form-section" aria-labelledby="usage-title">
        <h2 id="usage-title">Actions</h2>
        <p class="usage-line">
          <strong>{usage.text}</strong>
          <meter
            class="usage-meter"
            min={0}
            max={Math.max(current.maxActions, 1)}
            value={Math.min(actionCount, Math.max(current.maxActions, 1))}
            aria-label="Actions used of the limit"
          />
        </p>
        {usage.full ? (
          <p class="alert alert-warning" id="usage-full">
            The limit is reached: a new action is refused until you raise the limit or delete an action.
          </p>
        ) : (
          <p class="field-hint">The limit only guards against runaway scripts; raise it whenever you need.</p>
        )}
        {canRaise && (
          <button
            type="button"
            class={`button ${usage.full ? 'button-primary' : 'button-secondary'}`}
            disabled={saving}
            onClick={() => {
              setErrors(NO_ERRORS);
              void send({ maxActions: raiseTo });
            }}
          >
            Raise the limit to {raiseTo}
          </button>
        )}
      </section>

      <section class="form-section" aria-labelledby="tenant-title">
        <h2 id="tenant-title">Tenant</h2>
        {errors.form.length > 0 && (
          <div class="alert alert-error" role="alert" tabIndex={-1} ref={summary}>
            <p>The settings were not saved.</p>
            <ul>
              {errors.form.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        )}
        <form onSubmit={submit} noValidate aria-labelledby="tenant-title">
          <InputField
            id={ID.name}
            label="Tenant name"
            class="field-medium"
            required
            autocomplete="organization"
            value={draft.name}
            onValue={(name) => update({ name })}
            errors={errors.fields['/name']}
          />
          <InputField
            id={ID.maxActions}
            label="Maximum number of actions"
            inputMode="numeric"
            class="field-medium"
            required
            value={draft.maxActions}
            onValue={(maxActions) => update({ maxActions })}
            errors={errors.fields['/maxActions']}
            hint={`A whole number from 0 to ${MAX_ACTIONS_LIMIT}. The tenant has ${actionCount} now.`}
          />
          <div class="form-actions">
            <button type="submit" class="button button-primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save settings'}
            </button>
            <p class="form-status" role="status">
              {notice}
            </p>
          </div>
        </form>
      </section>
    </>
  );
}
