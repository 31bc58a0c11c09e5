/*
 * The "Add an MCP server" form of the agent page, as plain values: what the operator typed, and
 * the API body it becomes (or what is wrong, by field). Secrets are typed once and never shown.
 */

export type McpAuthType = 'none' | 'header' | 'oauth2_client_credentials';
export type McpConfirmation = 'auto' | 'always' | 'never';

export const MCP_AUTH_OPTIONS: ReadonlyArray<{ value: McpAuthType; label: string }> = [
  { value: 'none', label: 'No authentication' },
  { value: 'header', label: 'Auth header' },
  { value: 'oauth2_client_credentials', label: 'OAuth2 client credentials' },
];

export const MCP_CONFIRMATION_OPTIONS: ReadonlyArray<{ value: McpConfirmation; label: string }> = [
  { value: 'auto', label: "By the tools' hints (read-only tools are not confirmed)" },
  { value: 'always', label: 'Always ask the customer first' },
  { value: 'never', label: 'Never ask' },
];

export interface McpServerForm {
  name: string;
  url: string;
  authType: McpAuthType;
  headerName: string;
  headerValue: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space- or comma-separated. */
  scopes: string;
  audience: string;
  confirmation: McpConfirmation;
}

export const EMPTY_MCP_SERVER_FORM: McpServerForm = {
  name: '',
  url: '',
  authType: 'none',
  headerName: 'Authorization',
  headerValue: '',
  tokenUrl: '',
  clientId: '',
  clientSecret: '',
  scopes: '',
  audience: '',
  confirmation: 'auto',
};

export type McpServerAuthBody =
  | { type: 'none' }
  | { type: 'header'; name: string; value: string }
  | {
      type: 'oauth2_client_credentials';
      tokenUrl: string;
      clientId: string;
      clientSecret: string;
      scopes?: string[];
      audience?: string;
    };

/** The body of `POST /agents/{id}/mcp-servers` the page sends. */
export interface McpServerBody {
  name: string;
  url: string;
  auth: McpServerAuthBody;
  confirmation: McpConfirmation;
}

/** Form field id → what is wrong with it. */
export type McpServerFormErrors = Partial<Record<keyof McpServerForm, string>>;

function authOf(form: McpServerForm, errors: McpServerFormErrors): McpServerAuthBody {
  if (form.authType === 'header') {
    if (form.headerName.trim() === '') errors.headerName = 'Name the header (e.g. Authorization).';
    if (form.headerValue === '') errors.headerValue = 'Give the header value (e.g. Bearer …).';
    return { type: 'header', name: form.headerName.trim(), value: form.headerValue };
  }
  if (form.authType === 'oauth2_client_credentials') {
    if (!form.tokenUrl.trim().startsWith('https://'))
      errors.tokenUrl = 'The token URL must start with https://.';
    if (form.clientId.trim() === '') errors.clientId = 'Give the client id.';
    if (form.clientSecret === '') errors.clientSecret = 'Give the client secret.';
    const scopes = form.scopes.split(/[\s,]+/).filter((scope) => scope !== '');
    const audience = form.audience.trim();
    return {
      type: 'oauth2_client_credentials',
      tokenUrl: form.tokenUrl.trim(),
      clientId: form.clientId.trim(),
      clientSecret: form.clientSecret,
      ...(scopes.length > 0 ? { scopes } : {}),
      ...(audience !== '' ? { audience } : {}),
    };
  }
  return { type: 'none' };
}

/** The API body of the form, or the fields that must be fixed first. */
export function mcpServerBody(
  form: McpServerForm,
): { ok: true; body: McpServerBody } | { ok: false; errors: McpServerFormErrors } {
  const errors: McpServerFormErrors = {};
  if (form.name.trim() === '') errors.name = 'Give the server a name: it prefixes its tools.';
  if (!form.url.trim().startsWith('https://')) errors.url = 'The URL must start with https://.';
  const auth = authOf(form, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: { name: form.name.trim(), url: form.url.trim(), auth, confirmation: form.confirmation },
  };
}
