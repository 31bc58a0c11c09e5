interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  required?: boolean;
  /** The server's messages for this field; shown under it and linked to it for screen readers. */
  errors?: readonly string[] | undefined;
}

/** A labelled input with its error messages. */
export function TextField({
  id,
  label,
  value,
  onValue,
  type = 'text',
  autocomplete,
  required = false,
  errors = [],
}: TextFieldProps) {
  const errorId = `${id}-error`;
  const invalid = errors.length > 0;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        autocomplete={autocomplete}
        required={required}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? errorId : undefined}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      {invalid && (
        <p id={errorId} class="field-error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
