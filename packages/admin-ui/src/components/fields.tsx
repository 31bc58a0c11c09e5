import type { ComponentChildren, Ref } from 'preact';
import { asSentence } from './field-text';

/**
 * Labelled form controls with a hint and error messages, both tied to the control by
 * `aria-describedby`; an invalid control has `aria-invalid`.
 */
interface FieldBase {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  errors?: readonly string[] | undefined;
  required?: boolean;
  disabled?: boolean;
  class?: string;
}

/** The ids a control's `aria-describedby` names. */
function describedBy(id: string, hint: boolean, invalid: boolean): string | undefined {
  const ids = [invalid ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter((part) => part !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Label({ id, label, required }: { id: string; label: ComponentChildren; required?: boolean }) {
  return (
    <label for={id}>
      {label}
      {required && <span class="required-mark"> (required)</span>}
    </label>
  );
}

/** The messages under a control, in sentences. */
export function FieldErrors({ id, errors }: { id: string; errors: readonly string[] | undefined }) {
  if (errors === undefined || errors.length === 0) return null;
  return (
    <p id={`${id}-error`} class="field-error">
      {errors.map(asSentence).join(' ')}
    </p>
  );
}

function Hint({ id, hint }: { id: string; hint: ComponentChildren }) {
  if (hint === undefined || hint === null || hint === '') return null;
  return (
    <div id={`${id}-hint`} class="field-hint">
      {hint}
    </div>
  );
}

const hasHint = (hint: ComponentChildren) => hint !== undefined && hint !== null && hint !== '';
const isInvalid = (errors: readonly string[] | undefined) => errors !== undefined && errors.length > 0;

interface InputFieldProps extends FieldBase {
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'url' | 'password' | 'email' | 'tel' | 'datetime-local';
  inputMode?: 'text' | 'decimal' | 'numeric' | 'url' | 'email' | 'tel';
  autocomplete?: string;
  placeholder?: string;
  mono?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

export function InputField(props: InputFieldProps) {
  const { id, label, hint, errors, required = false, disabled = false, type = 'text', mono = false } = props;
  const invalid = isInvalid(errors);
  return (
    <div class={`field ${props.class ?? ''}`}>
      <Label id={id} label={label} required={required} />
      <input
        id={id}
        ref={props.inputRef}
        type={type}
        class={mono ? 'mono' : undefined}
        value={props.value}
        inputMode={props.inputMode}
        autocomplete={props.autocomplete ?? 'off'}
        spellcheck={false}
        placeholder={props.placeholder}
        required={required}
        disabled={disabled}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(id, hasHint(hint), invalid)}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
      <FieldErrors id={id} errors={errors} />
      <Hint id={id} hint={hint} />
    </div>
  );
}

interface TextAreaFieldProps extends FieldBase {
  value: string;
  onValue: (value: string) => void;
  rows?: number;
  mono?: boolean;
  placeholder?: string;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const { id, label, hint, errors, required = false, disabled = false, rows = 3, mono = false } = props;
  const invalid = isInvalid(errors);
  return (
    <div class={`field ${props.class ?? ''}`}>
      <Label id={id} label={label} required={required} />
      <textarea
        id={id}
        rows={rows}
        class={mono ? 'mono' : undefined}
        value={props.value}
        placeholder={props.placeholder}
        spellcheck={!mono}
        required={required}
        disabled={disabled}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(id, hasHint(hint), invalid)}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
      <FieldErrors id={id} errors={errors} />
      <Hint id={id} hint={hint} />
    </div>
  );
}

interface SelectFieldProps<T extends string> extends FieldBase {
  value: T;
  options: readonly { value: T; label: string }[];
  onValue: (value: T) => void;
}

export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { id, label, hint, errors, required = false, disabled = false } = props;
  const invalid = isInvalid(errors);
  return (
    <div class={`field ${props.class ?? ''}`}>
      <Label id={id} label={label} required={required} />
      <select
        id={id}
        value={props.value}
        disabled={disabled}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(id, hasHint(hint), invalid)}
        onChange={(event) => {
          const chosen = props.options.find((option) => option.value === event.currentTarget.value);
          if (chosen) props.onValue(chosen.value);
        }}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={id} errors={errors} />
      <Hint id={id} hint={hint} />
    </div>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  errors?: readonly string[] | undefined;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  disabled?: boolean;
  class?: string;
}

export function CheckboxField(props: CheckboxFieldProps) {
  const { id, hint, errors } = props;
  const invalid = isInvalid(errors);
  return (
    <div class={`field field-checkbox ${props.class ?? ''}`}>
      <div class="checkbox-line">
        <input
          id={id}
          type="checkbox"
          checked={props.checked}
          disabled={props.disabled}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy(id, hasHint(hint), invalid)}
          onChange={(event) => props.onChecked(event.currentTarget.checked)}
        />
        <label for={id}>{props.label}</label>
      </div>
      <FieldErrors id={id} errors={errors} />
      <Hint id={id} hint={hint} />
    </div>
  );
}
