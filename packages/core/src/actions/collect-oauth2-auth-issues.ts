import { pointer, type ValidationIssue } from '../errors.js';
import { OAUTH2_CLIENT_AUTH_METHODS } from './action-definition.js';
import { collectUrlTemplateIssues } from './collect-url-template-issues.js';

/** No provider issues client ids this long; a longer one is a paste of something else. */
export const MAX_OAUTH2_CLIENT_ID_LENGTH = 1024;
/** Client secrets are at most a few hundred characters; the cap of a header value is plenty. */
export const MAX_OAUTH2_CLIENT_SECRET_LENGTH = 4096;
/** More scopes than this is a misconfiguration. */
export const MAX_OAUTH2_SCOPES = 50;
export const MAX_OAUTH2_SCOPE_LENGTH = 256;
export const MAX_OAUTH2_AUDIENCE_LENGTH = 2048;

/** RFC 6749 section 3.3: `scope-token = 1*( %x21 / %x23-5B / %x5D-7E )`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
/** Sent in a form body or a header: no line breaks, NUL or other control characters (C0 and DEL). */
function hasControlCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
const NO_PARAMETERS = { names: new Set<string>(), required: new Set<string>() };

/**
 * Problems of the fields only `oauth2_client_credentials` has, beyond "a non-empty string" (which
 * the caller checked for the required ones; `usable` says which passed): the token URL is an
 * https URL without credentials, fragment or placeholders; the client id and secret fit their
 * caps and hold no control characters; `scopes` is a list of distinct RFC 6749 scope tokens;
 * `audience` a non-empty string; `tokenEndpointAuthMethod` one of the two client secret methods.
 *
 * @example
 * collectOAuth2FieldProblems({ tokenUrl: 'http://id.example.com/token', scopes: ['a b'] }, () => true);
 * // Map { 'tokenUrl' => 'must use https, not http', 'scopes' => ... }
 */
export function collectOAuth2FieldProblems(
  auth: Record<string, unknown>,
  usable: (field: string) => boolean,
): { problems: Map<string, string>; issues: ValidationIssue[] } {
  const problems = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  if (usable('tokenUrl')) {
    for (const issue of collectUrlTemplateIssues(auth.tokenUrl, NO_PARAMETERS, '/auth/tokenUrl')) {
      // A placeholder has nothing to be filled from: say so in words that fit a token URL.
      const message = issue.message.startsWith('placeholder {')
        ? 'must not contain {placeholders}: the token URL is fixed'
        : issue.message;
      if (!issues.some((seen) => seen.message === message)) issues.push({ path: issue.path, message });
    }
  }
  const checkText = (field: string, max: number) => {
    if (!usable(field)) return;
    const value = auth[field] as string;
    if (value.length > max) problems.set(field, `must be at most ${max} characters`);
    else if (hasControlCharacter(value))
      problems.set(field, 'must not contain line breaks, tabs, NUL or other control characters');
  };
  checkText('clientId', MAX_OAUTH2_CLIENT_ID_LENGTH);
  checkText('clientSecret', MAX_OAUTH2_CLIENT_SECRET_LENGTH);

  const audience = auth.audience;
  if (audience !== undefined) {
    if (typeof audience !== 'string') problems.set('audience', 'must be a string');
    else if (audience.trim() === '') problems.set('audience', 'must not be empty (leave it out instead)');
    else checkText('audience', MAX_OAUTH2_AUDIENCE_LENGTH);
  }
  const method = auth.tokenEndpointAuthMethod;
  if (method !== undefined && !OAUTH2_CLIENT_AUTH_METHODS.includes(method as never)) {
    problems.set('tokenEndpointAuthMethod', `must be one of: ${OAUTH2_CLIENT_AUTH_METHODS.join(', ')}`);
  }
  issues.push(...collectScopeIssues(auth.scopes));
  return { problems, issues };
}

function collectScopeIssues(scopes: unknown): ValidationIssue[] {
  if (scopes === undefined) return [];
  if (!Array.isArray(scopes)) {
    return [{ path: '/auth/scopes', message: 'must be a list of scope names, e.g. ["orders.read"]' }];
  }
  if (scopes.length > MAX_OAUTH2_SCOPES) {
    return [{ path: '/auth/scopes', message: `must have at most ${MAX_OAUTH2_SCOPES} scopes` }];
  }
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  scopes.forEach((scope: unknown, index) => {
    const path = pointer('auth', 'scopes', String(index));
    if (typeof scope !== 'string') issues.push({ path, message: 'must be a string' });
    else if (scope.length === 0) issues.push({ path, message: 'must not be empty' });
    else if (scope.length > MAX_OAUTH2_SCOPE_LENGTH)
      issues.push({ path, message: `must be at most ${MAX_OAUTH2_SCOPE_LENGTH} characters` });
    else if (!SCOPE_TOKEN.test(scope)) {
      issues.push({
        path,
        message: 'must be one scope name: visible ASCII without spaces, quotes or backslashes',
      });
    } else if (seen.has(scope)) issues.push({ path, message: `lists "${scope}" twice` });
    else seen.add(scope);
  });
  return issues;
}
