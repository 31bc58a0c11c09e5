import {
  DEFAULT_OAUTH2_CLIENT_AUTH_METHOD,
  type OAuth2ClientAuthMethod,
  type OAuth2ClientCredentialsAuth,
} from './action-definition.js';

/** `application/x-www-form-urlencoded` encoding of one value (space as `+`), as RFC 6749 asks. */
export function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/**
 * The `user:password` of a `client_secret_basic` header: RFC 6749 section 2.3.1 form-encodes the
 * client id and secret before joining them, so a `:` in either cannot move the split.
 *
 * @example
 * clientSecretBasicPair({ clientId: 'shop app', clientSecret: 'p:w' }); // 'shop+app:p%3Aw'
 */
export function clientSecretBasicPair(
  auth: Pick<OAuth2ClientCredentialsAuth, 'clientId' | 'clientSecret'>,
): string {
  return `${formEncode(auth.clientId)}:${formEncode(auth.clientSecret)}`;
}

/** The client authentication an OAuth2 auth uses, its default applied. */
export function clientAuthMethodOf(auth: OAuth2ClientCredentialsAuth): OAuth2ClientAuthMethod {
  return auth.tokenEndpointAuthMethod ?? DEFAULT_OAUTH2_CLIENT_AUTH_METHOD;
}
