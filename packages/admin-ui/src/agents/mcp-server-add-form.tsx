import { useState } from 'preact/hooks';
import { InputField, SelectField } from '../components/fields';
import {
  EMPTY_MCP_SERVER_FORM,
  MCP_AUTH_OPTIONS,
  MCP_CONFIRMATION_OPTIONS,
  type McpServerBody,
  type McpServerForm,
  type McpServerFormErrors,
  mcpServerBody,
} from './mcp-server-form';

/**
 * "Add an MCP server": name, URL, auth (none, a header, or OAuth2 client credentials: token URL,
 * client id, write-only client secret, scopes, audience) and the confirmation setting. `onAdd`
 * sends the body; the form empties when it resolves true.
 */
export function McpServerAddForm(props: { onAdd: (body: McpServerBody) => Promise<boolean> }) {
  const [form, setForm] = useState<McpServerForm>(EMPTY_MCP_SERVER_FORM);
  const [errors, setErrors] = useState<McpServerFormErrors>({});
  const field = <K extends keyof McpServerForm>(key: K) => ({
    value: form[key],
    onValue: (value: McpServerForm[K]) => setForm((current) => ({ ...current, [key]: value })),
    errors: errors[key] ? [errors[key]] : undefined,
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    const built = mcpServerBody(form);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    if (await props.onAdd(built.body)) setForm(EMPTY_MCP_SERVER_FORM);
  };

  return (
    <form class="channel-form" onSubmit={(event) => void submit(event)} noValidate>
      <h3>Add an MCP server</h3>
      <InputField id="mcp-name" label="Name (tool prefix)" {...field('name')} required mono />
      <InputField id="mcp-url" label="Streamable HTTP URL" type="url" {...field('url')} required mono />
      <SelectField
        id="mcp-auth-type"
        label="Authentication"
        options={MCP_AUTH_OPTIONS}
        {...field('authType')}
      />
      {form.authType === 'header' && (
        <>
          <InputField id="mcp-header-name" label="Auth header" {...field('headerName')} required mono />
          <InputField
            id="mcp-header-value"
            label="Auth header value (write-only)"
            type="password"
            autocomplete="off"
            {...field('headerValue')}
            required
          />
        </>
      )}
      {form.authType === 'oauth2_client_credentials' && (
        <>
          <InputField id="mcp-token-url" label="Token URL" type="url" {...field('tokenUrl')} required mono />
          <InputField id="mcp-client-id" label="Client id" {...field('clientId')} required mono />
          <InputField
            id="mcp-client-secret"
            label="Client secret (write-only)"
            type="password"
            autocomplete="off"
            {...field('clientSecret')}
            required
          />
          <InputField
            id="mcp-scopes"
            label="Scopes"
            hint="Separated by spaces or commas; empty: none asked for."
            {...field('scopes')}
            mono
          />
          <InputField
            id="mcp-audience"
            label="Audience"
            hint="Sent as audience in the token request (Auth0, Okta); empty: none."
            {...field('audience')}
            mono
          />
        </>
      )}
      <SelectField
        id="mcp-confirmation"
        label="Customer confirmation before a call"
        hint="By the hints: a tool is confirmed unless the server marks it read-only or not destructive."
        options={MCP_CONFIRMATION_OPTIONS}
        {...field('confirmation')}
      />
      <button type="submit" class="button">
        Add MCP server
      </button>
    </form>
  );
}
