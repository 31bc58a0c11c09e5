import { asSentence } from '../components/field-text';
import { FieldErrors, InputField } from '../components/fields';
import { describeAuth, EMPTY_SECRET, type SchemeNeed, type SecretDraft, secretFieldId } from './import-auth';

/**
 * The credential of one security scheme, asked here and sent once with the create request:
 * write-only inputs (never prefilled, not offered to the browser's autofill), cleared after.
 */
export function SecretFields({
  need,
  draft = EMPTY_SECRET,
  onChange,
  problems,
  serverError,
}: {
  need: SchemeNeed;
  draft: SecretDraft | undefined;
  onChange: (change: Partial<SecretDraft>) => void;
  problems: Readonly<Record<string, string>>;
  serverError: string | undefined;
}) {
  const { auth, usedBy } = need;
  const field = (name: keyof SecretDraft, label: string, secret: boolean) => {
    const id = secretFieldId(auth.scheme, name);
    return (
      <InputField
        id={id}
        label={label}
        type={secret ? 'password' : 'text'}
        mono
        required
        autocomplete={secret ? 'new-password' : 'off'}
        value={draft[name]}
        onValue={(value) => onChange({ [name]: value })}
        errors={problems[id] ? [problems[id]] : undefined}
      />
    );
  };
  const groupId = `import-scheme-${auth.scheme}`;
  return (
    <fieldset class="field choice-group import-scheme" aria-describedby={`${groupId}-hint`}>
      <legend>
        <code>{auth.scheme}</code>: {describeAuth(auth)}
      </legend>
      <p id={`${groupId}-hint`} class="field-hint">
        Used by {usedBy.join(', ')}.
        {auth.description ? ` The document says: ${asSentence(auth.description)}` : ''} Stored write-only: it
        is never shown again.
      </p>
      {serverError && <FieldErrors id={groupId} errors={[serverError]} />}
      {auth.type === 'bearer' && field('token', 'Token', true)}
      {auth.type === 'basic' && (
        <>
          {field('username', 'Username', false)}
          {field('password', 'Password', true)}
        </>
      )}
      {auth.type === 'api_key' && field('value', 'API key', true)}
    </fieldset>
  );
}
