import { pointer, type ValidationIssue } from '../errors.js';
import { isRecord } from '../is-record.js';
import { headerNameProblem, headerValueProblem, MAX_HEADERS } from './header-rules.js';

/** The header an auth configuration sets, lower-cased, or `undefined` when it sets none. */
function authHeader(auth: unknown): string | undefined {
  if (!isRecord(auth)) return undefined;
  if (auth.type === 'bearer' || auth.type === 'basic' || auth.type === 'oauth2_client_credentials')
    return 'authorization';
  if (auth.type === 'api_key' && auth.in === 'header' && typeof auth.name === 'string') {
    return auth.name.toLowerCase();
  }
  return undefined;
}

/**
 * Every problem in an action's custom `headers`: at most {@link MAX_HEADERS}, names RFC 9110
 * tokens and not reserved (Toolgate sets Host, Content-Type, the signature headers and the like),
 * values strings of at most 4096 characters without line breaks, NUL or control characters, no
 * name twice (case-insensitively), and no credential configured twice: an `Authorization` header
 * when `auth` is set, or the header an api_key auth uses.
 *
 * @example
 * collectHeaderIssues({ Authorization: 'Bearer x' }, { type: 'bearer', token: 'y' });
 * // [{ path: '/headers/Authorization', message: 'conflicts with auth: configure the credential in one place' }]
 */
export function collectHeaderIssues(headers: unknown, auth: unknown): ValidationIssue[] {
  if (headers === undefined) return [];
  if (!isRecord(headers))
    return [{ path: '/headers', message: 'must be an object of header names to values' }];
  const issues: ValidationIssue[] = [];
  const names = Object.keys(headers);
  if (names.length > MAX_HEADERS) {
    issues.push({
      path: '/headers',
      message: `must have at most ${MAX_HEADERS} headers (it has ${names.length})`,
    });
  }
  const credentialHeader = authHeader(auth);
  const authIsSet = isRecord(auth) && typeof auth.type === 'string' && auth.type !== 'none';
  const seen = new Set<string>();
  for (const name of names) {
    const path = pointer('headers', name);
    const lower = name.toLowerCase();
    const nameProblem = headerNameProblem(name);
    if (nameProblem) issues.push({ path, message: nameProblem });
    const valueProblem = headerValueProblem(headers[name]);
    if (valueProblem) issues.push({ path, message: valueProblem });
    if (seen.has(lower)) issues.push({ path, message: 'is set twice (header names are case-insensitive)' });
    seen.add(lower);
    if ((lower === 'authorization' && authIsSet) || lower === credentialHeader) {
      issues.push({ path, message: 'conflicts with auth: configure the credential in one place' });
    }
  }
  return issues;
}
