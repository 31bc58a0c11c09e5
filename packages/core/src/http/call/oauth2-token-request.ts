import type { OAuth2ClientCredentialsAuth } from '../../actions/action-definition.js';
import { clientAuthMethodOf, clientSecretBasicPair } from '../../actions/oauth2-credentials.js';

/** A client credentials token request, ready for the pinned agent. */
export interface TokenRequest {
  url: URL;
  headers: Record<string, string>;
  /** `application/x-www-form-urlencoded`. */
  body: string;
}

/**
 * The token request of RFC 6749 section 4.4.2: a POST of `grant_type=client_credentials`, with
 * `scope` (the scopes joined by spaces) and `audience` when configured, the client authenticated
 * by `Authorization: Basic` (`client_secret_basic`, the default) or by `client_id` and
 * `client_secret` in the body (`client_secret_post`).
 *
 * @example
 * buildTokenRequest({ type: 'oauth2_client_credentials', tokenUrl: 'https://id.example.com/token',
 *   clientId: 'shop', clientSecret: 's3cret', scopes: ['orders.read'] }, 'Toolgate/0.1').body;
 * // 'grant_type=client_credentials&scope=orders.read'
 */
export function buildTokenRequest(auth: OAuth2ClientCredentialsAuth, userAgent: string): TokenRequest {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (auth.scopes && auth.scopes.length > 0) form.set('scope', auth.scopes.join(' '));
  if (auth.audience !== undefined) form.set('audience', auth.audience);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
    'user-agent': userAgent,
  };
  if (clientAuthMethodOf(auth) === 'client_secret_post') {
    form.set('client_id', auth.clientId);
    form.set('client_secret', auth.clientSecret);
  } else {
    headers.authorization = `Basic ${Buffer.from(clientSecretBasicPair(auth)).toString('base64')}`;
  }
  return { url: new URL(auth.tokenUrl), headers, body: form.toString() };
}
