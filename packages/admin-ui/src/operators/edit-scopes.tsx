import { useLayoutEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import type { Scope } from '../auth/scopes';
import { fieldId } from '../components/field-text';
import { ScopeChoices } from '../components/scope-choices';
import { OPERATOR_SCOPES, toggleOperatorScope } from './operator-draft';
import { buildScopesBody, scopesDraft, scopesErrors } from './operator-scopes';
import type { OperatorRow } from './operator-view';
import { patchOperatorScopes } from './operators-api';

/** The id of a row's "Edit scopes" button, so focus can come back to it. */
export const editScopesButtonId = (operatorId: string) => fieldId(`/edit-scopes/${operatorId}`);

/** "Edit scopes" of one operator: a checkbox per scope, "Save scopes" and "Cancel". */
export function EditScopes({
  client,
  row,
  self,
  onSaved,
  onCancel,
}: {
  client: ApiClient;
  row: OperatorRow;
  self: boolean;
  onSaved: (operator: OperatorRow) => void;
  onCancel: () => void;
}) {
  const [scopes, setScopes] = useState<Scope[]>(() => scopesDraft(row.scopes));
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const base = fieldId(`/scopes-of/${row.id}`);
  const boxId = (scope: string) => fieldId(`/scopes-of/${row.id}/${scope}`);

  useLayoutEffect(() => {
    document.getElementById(boxId(OPERATOR_SCOPES[0]?.scope ?? ''))?.focus();
  }, []);

  const save = async () => {
    if (saving) return;
    const built = buildScopesBody(scopes, { scopes: row.scopes, self });
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      onSaved(await patchOperatorScopes(client, row.id, built.body));
    } catch (error) {
      setErrors(scopesErrors(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="edit-scopes">
      <ScopeChoices
        id={base}
        legend={
          <>
            Scopes of <span class="break-anywhere">{row.email}</span>
          </>
        }
        choices={OPERATOR_SCOPES}
        selected={scopes}
        errors={errors}
        boxId={boxId}
        disabled={saving}
        announceErrors
        onToggle={(scope, on) => setScopes((current) => toggleOperatorScope(current, scope, on))}
      />
      <div class="button-row">
        <button type="button" class="button button-primary" disabled={saving} onClick={save}>
          {saving ? 'Saving…' : 'Save scopes'}
        </button>
        <button type="button" class="button button-secondary" disabled={saving} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
