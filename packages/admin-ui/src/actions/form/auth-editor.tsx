import { fieldId } from '../../components/field-text';
import { FieldErrors, InputField, SelectField } from '../../components/fields';
import type { AuthDraft, AuthType, OAuth2ClientAuthMethod } from '../action-draft';
import { keepsStoredSecret, SECRET_FIELD } from '../draft-values';
import { MASK } from './headers-editor';
import type { SectionProps } from './section-props';

const TYPE_OPTIONS: readonly { value: AuthType; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'bearer', label: 'Bearer token' },
  { value: 'basic', label: 'Basic (user name and password)' },
  { value: 'api_key', label: 'API key' },
  { value: 'oauth2_client_credentials', label: 'OAuth2 client credentials' },
];
const CLIENT_AUTH_OPTIONS: readonly { value: OAuth2ClientAuthMethod; label: string }[] = [
  { value: 'client_secret_basic', label: 'In an Authorization: Basic header (client_secret_basic)' },
  { value: 'client_secret_post', label: 'In the form body (client_secret_post)' },
];
const LOCATION_OPTIONS = [
  { value: 'header', label: 'In a header' },
  { value: 'query', label: 'In the query string' },
] as const;
const SECRET_LABEL = {
  bearer: 'Token',
  basic: 'Password',
  api_key: 'Key',
  oauth2_client_credentials: 'Client secret',
} as const;

/** The credential: masked with Replace when stored and kept, otherwise a field to type it. */
function SecretField({
  auth,
  set,
  messages,
}: { auth: AuthDraft; set: (patch: Partial<AuthDraft>) => void } & Pick<SectionProps, 'messages'>) {
  if (auth.type === 'none') return null;
  const pointer = `/auth/${SECRET_FIELD[auth.type]}`;
  const label = SECRET_LABEL[auth.type];
  const id = fieldId(pointer);
  if (keepsStoredSecret(auth)) {
    return (
      <div class="field">
        <span class="field-label" id={`${id}-label`}>
          {label}
        </span>
        <div class="secret-line">
          <span class="secret-value">
            <span aria-hidden="true">{MASK}</span>
            <span class="visually-hidden">saved, hidden</span>
          </span>
          <button
            type="button"
            class="button button-secondary button-small"
            aria-label={`Replace the saved ${label.toLowerCase()}`}
            onClick={() => set({ replacing: true, secret: '' })}
          >
            Replace
          </button>
        </div>
        <FieldErrors id={id} errors={messages[pointer]} />
      </div>
    );
  }
  const replacingStored = auth.storedType === auth.type && auth.storedSecret;
  return (
    <div class="secret-replace">
      <InputField
        id={id}
        label={replacingStored ? `New ${label.toLowerCase()}` : label}
        type="password"
        autocomplete="new-password"
        required
        mono
        value={auth.secret}
        onValue={(secret) => set({ secret })}
        errors={messages[pointer]}
        hint="A secret: after saving it is never shown again."
      />
      {replacingStored && (
        <button
          type="button"
          class="button button-secondary button-small"
          onClick={() => set({ replacing: false, secret: '' })}
        >
          Keep the saved {label.toLowerCase()}
        </button>
      )}
    </div>
  );
}

/** The settings of OAuth2 client credentials; the client secret is the write-only {@link SecretField}. */
function OAuth2Fields({
  auth,
  set,
  messages,
}: { auth: AuthDraft; set: (patch: Partial<AuthDraft>) => void } & Pick<SectionProps, 'messages'>) {
  return (
    <>
      <InputField
        id={fieldId('/auth/tokenUrl')}
        label="Token URL"
        required
        mono
        value={auth.tokenUrl}
        onValue={(tokenUrl) => set({ tokenUrl })}
        errors={messages['/auth/tokenUrl']}
        placeholder="https://id.example.com/oauth/token"
        hint="Toolgate gets an access token here before calls (https only, checked like the action URL) and sends it as a bearer token."
      />
      <div class="field-row">
        <InputField
          id={fieldId('/auth/clientId')}
          class="field-grow"
          label="Client ID"
          required
          mono
          value={auth.clientId}
          onValue={(clientId) => set({ clientId })}
          errors={messages['/auth/clientId']}
        />
        <SelectField<OAuth2ClientAuthMethod>
          id={fieldId('/auth/tokenEndpointAuthMethod')}
          label="Send the client credentials"
          value={auth.clientAuthMethod}
          options={CLIENT_AUTH_OPTIONS}
          onValue={(clientAuthMethod) => set({ clientAuthMethod })}
          errors={messages['/auth/tokenEndpointAuthMethod']}
        />
      </div>
      <div class="field-row">
        <InputField
          id={fieldId('/auth/scopes')}
          class="field-grow"
          label="Scopes"
          mono
          value={auth.scopes}
          onValue={(scopes) => set({ scopes })}
          errors={messages['/auth/scopes']}
          placeholder="e.g. orders.read orders.write"
          hint="Separated by spaces; leave empty for the client's default scopes."
        />
        <InputField
          id={fieldId('/auth/audience')}
          class="field-grow"
          label="Audience"
          mono
          value={auth.audience}
          onValue={(audience) => set({ audience })}
          errors={messages['/auth/audience']}
          hint="Optional: the API the token is for, when the provider asks for one."
        />
      </div>
    </>
  );
}

/**
 * How Toolgate authenticates to the endpoint. The credential is write-only: once saved it shows as
 * set; with the same type it is kept unless replaced.
 */
export function AuthEditor({ draft, change, messages }: SectionProps) {
  const auth = draft.auth;
  const set = (patch: Partial<AuthDraft>) => change({ auth: { ...auth, ...patch } });
  const stored = auth.storedType !== null && auth.storedType !== 'none';
  const typeErrors = [...(messages['/auth'] ?? []), ...(messages['/auth/type'] ?? [])];
  return (
    <div class="subsection">
      <h3>Authentication</h3>
      <SelectField<AuthType>
        id={fieldId('/auth/type')}
        class="field-medium"
        label="Type"
        value={auth.type}
        options={TYPE_OPTIONS}
        onValue={(type) => set({ type, secret: '', replacing: false })}
        errors={typeErrors}
        hint={
          stored && auth.type === 'none'
            ? 'The saved authentication is removed when you save.'
            : 'Do not also set an Authorization header: configure the credential in one place.'
        }
      />
      {auth.type === 'basic' && (
        <InputField
          id={fieldId('/auth/username')}
          class="field-medium"
          label="User name"
          required
          value={auth.username}
          onValue={(username) => set({ username })}
          errors={messages['/auth/username']}
        />
      )}
      {auth.type === 'api_key' && (
        <div class="field-row">
          <SelectField<'header' | 'query'>
            id={fieldId('/auth/in')}
            label="Send the key"
            value={auth.location}
            options={LOCATION_OPTIONS}
            onValue={(location) => set({ location })}
            errors={messages['/auth/in']}
          />
          <InputField
            id={fieldId('/auth/name')}
            class="field-grow"
            label={auth.location === 'header' ? 'Header name' : 'Query parameter name'}
            required
            mono
            value={auth.keyName}
            onValue={(keyName) => set({ keyName })}
            errors={messages['/auth/name']}
            placeholder={auth.location === 'header' ? 'e.g. X-Api-Key' : 'e.g. api_key'}
          />
        </div>
      )}
      {auth.type === 'oauth2_client_credentials' && (
        <OAuth2Fields auth={auth} set={set} messages={messages} />
      )}
      <SecretField auth={auth} set={set} messages={messages} />
      {stored && auth.type !== 'none' && (
        <button
          type="button"
          class="button button-secondary button-small auth-remove"
          onClick={() => set({ type: 'none', secret: '', replacing: false })}
        >
          Remove authentication
        </button>
      )}
      {stored && auth.type === 'none' && (
        <button
          type="button"
          class="button button-secondary button-small auth-remove"
          onClick={() => set({ type: auth.storedType ?? 'none', replacing: false, secret: '' })}
        >
          Undo remove
        </button>
      )}
    </div>
  );
}
