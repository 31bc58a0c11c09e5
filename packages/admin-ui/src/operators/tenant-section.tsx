import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import type { FormErrors } from '../api/field-errors';
import { ErrorAlert } from '../components/error-alert';
import { InputField } from '../components/fields';
import { LoadingStatus } from '../components/loading-status';
import type { Resource } from '../hooks/use-resource';
import {
  buildTenantBody,
  MAX_ACTIONS_LIMIT,
  TENANT_FIELDS,
  type TenantDraft,
  type TenantField,
  tenantDraft,
  tenantFormErrors,
} from './operator-draft';
import type { Tenant } from './operator-view';
import { patchTenant } from './operators-api';

const ID = { name: 'tenant-name', maxActions: 'tenant-max-actions' } as const;
const NO_ERRORS: FormErrors<TenantField> = { fields: {}, form: [] };

/** The tenant's name and action limit, with a form to change them. */
export function TenantSection({
  client,
  tenant,
  onRetry,
}: {
  client: ApiClient;
  tenant: Resource<Tenant>;
  onRetry: () => void;
}) {
  return (
    <section class="form-section" aria-labelledby="tenant-title">
      <h2 id="tenant-title">Tenant</h2>
      {tenant.status === 'loading' && <LoadingStatus label="Loading the tenant…" />}
      {tenant.status === 'failed' && <ErrorAlert error={tenant.error} onRetry={onRetry} />}
      {tenant.status === 'ready' && <TenantForm key={tenant.data.id} client={client} loaded={tenant.data} />}
    </section>
  );
}

function TenantForm({ client, loaded }: { client: ApiClient; loaded: Tenant }) {
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
    setSaving(true);
    try {
      const saved = await patchTenant(client, built.body);
      setCurrent(saved);
      setDraft(tenantDraft(saved));
      setNotice('The tenant is saved.');
    } catch (error) {
      setErrors(tenantFormErrors(error));
      setAttempt((count) => count + 1);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <dl class="tenant-facts">
        <div>
          <dt>Name</dt>
          <dd class="break-anywhere">{current.name}</dd>
        </div>
        <div>
          <dt>Action limit</dt>
          <dd>{current.maxActions}</dd>
        </div>
      </dl>
      {errors.form.length > 0 && (
        <div class="alert alert-error" role="alert" tabIndex={-1} ref={summary}>
          <p>The tenant was not saved.</p>
          <ul>
            {errors.form.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-labelledby="tenant-form-title">
        <h3 id="tenant-form-title">Change the tenant</h3>
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
          label="Action limit"
          inputMode="numeric"
          class="field-short"
          required
          value={draft.maxActions}
          onValue={(maxActions) => update({ maxActions })}
          errors={errors.fields['/maxActions']}
          hint={`How many actions the tenant may have, 0 to ${MAX_ACTIONS_LIMIT}.`}
        />
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save tenant'}
          </button>
          <p class="form-status" role="status">
            {notice}
          </p>
        </div>
      </form>
    </>
  );
}
