import type { Ref } from 'preact';
import { fieldId } from '../../components/field-text';
import { CheckboxField, InputField, SelectField, TextAreaField } from '../../components/fields';
import type { FieldMessages } from '../action-form-errors';
import { rowPath } from '../draft-values';
import { PARAMETER_KINDS, type ParameterKind, type ParameterRow } from '../parameter-rows';

const KIND_OPTIONS = PARAMETER_KINDS.map(({ kind, label }) => ({ value: kind, label }));

interface ParameterRowEditorProps {
  row: ParameterRow;
  index: number;
  messages: FieldMessages;
  onChange: (row: ParameterRow) => void;
  onRemove: () => void;
  nameRef?: Ref<HTMLInputElement>;
}

/** One parameter: name, type, required, description and allowed values. */
export function ParameterRowEditor({
  row,
  index,
  messages,
  onChange,
  onRemove,
  nameRef,
}: ParameterRowEditorProps) {
  const path = (field: 'name' | 'kind' | 'description' | 'allowed') => rowPath(row.key, field);
  const title = row.name.trim() === '' ? `Parameter ${index + 1}` : row.name.trim();
  const set = (patch: Partial<ParameterRow>) => onChange({ ...row, ...patch });
  const kept = Object.keys(row.kept);
  const numeric = row.kind === 'number' || row.kind === 'integer';
  return (
    <fieldset class="parameter-row">
      <legend class="visually-hidden">{title}</legend>
      <div class="parameter-grid">
        <InputField
          id={fieldId(path('name'))}
          class="parameter-name"
          label="Name"
          mono
          value={row.name}
          onValue={(name) => set({ name })}
          errors={messages[path('name')]}
          placeholder="e.g. order_number"
          inputRef={nameRef}
        />
        <SelectField<ParameterKind>
          id={fieldId(path('kind'))}
          class="parameter-kind"
          label="Type"
          value={row.kind}
          options={KIND_OPTIONS}
          onValue={(kind) => set({ kind })}
          errors={messages[path('kind')]}
        />
        <CheckboxField
          id={fieldId(`${path('name')}/required`)}
          class="parameter-required"
          label="Required"
          checked={row.required}
          onChecked={(required) => set({ required })}
        />
        <button
          type="button"
          class="button button-secondary button-small parameter-remove"
          aria-label={`Remove parameter ${title}`}
          onClick={onRemove}
        >
          Remove
        </button>
        <TextAreaField
          id={fieldId(path('description'))}
          class="parameter-description"
          label="Description"
          rows={2}
          value={row.description}
          onValue={(description) => set({ description })}
          errors={messages[path('description')]}
          hint="What to ask the customer for, with an example: the model reads it."
        />
        {row.kind === 'boolean' ? (
          <p class="parameter-allowed field-hint">Yes / no parameters take true or false.</p>
        ) : (
          <TextAreaField
            id={fieldId(path('allowed'))}
            class="parameter-allowed"
            label="Allowed values"
            rows={2}
            mono
            value={row.allowed}
            onValue={(allowed) => set({ allowed })}
            errors={messages[path('allowed')]}
            hint={`One per line${numeric ? ', as numbers' : ''}; empty for any value.`}
          />
        )}
      </div>
      {kept.length > 0 && (
        <p class="field-hint">
          Also set, and kept as they are: {kept.join(', ')}. Change them on the JSON Schema tab.
        </p>
      )}
    </fieldset>
  );
}
