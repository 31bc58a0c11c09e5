import { pointer, type ValidationIssue } from '../errors.js';
import { isRecord } from '../is-record.js';
import { collectOAuth2FieldProblems } from './collect-oauth2-auth-issues.js';
import { headerNameProblem, headerValueProblem } from './header-rules.js';

/** The required fields each auth type takes besides `type`; a Map so `type: 'toString'` finds nothing. */
const AUTH_FIELDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['none', []],
  ['bearer', ['token']],
  ['basic', ['username', 'password']],
  ['api_key', ['in', 'name', 'value']],
  ['oauth2_client_credentials', ['tokenUrl', 'clientId', 'clientSecret']],
]);
/** Fields a type may leave out. */
const OPTIONAL_AUTH_FIELDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['oauth2_client_credentials', ['scopes', 'audience', 'tokenEndpointAuthMethod']],
]);
const AUTH_TYPES = [...AUTH_FIELDS.keys()].join(', ');
const QUERY_METHODS: ReadonlySet<unknown> = new Set(['GET', 'DELETE']);

/** What the auth check needs to know about the rest of the definition. */
export interface AuthCheckContext {
  method: unknown;
  parameterNames: ReadonlySet<string>;
}

/**
 * Every problem in an action's `auth`: `{type: 'none'}`, `{type: 'bearer', token}`,
 * `{type: 'basic', username, password}`, `{type: 'api_key', in: 'header' | 'query', name, value}` or
 * `{type: 'oauth2_client_credentials', tokenUrl, clientId, clientSecret, scopes?, audience?,
 * tokenEndpointAuthMethod?}` (see `collectOAuth2FieldProblems`), each credential a non-empty string, unknown fields refused; an api_key header must be a valid,
 * unreserved header name, and credentials sent in a header must be valid header values.
 *
 * @example
 * collectAuthIssues({ type: 'bearer' }, { method: 'POST', parameterNames: new Set() });
 * // [{ path: '/auth/token', message: 'is required' }]
 */
export function collectAuthIssues(auth: unknown, context: AuthCheckContext): ValidationIssue[] {
  if (auth === undefined) return [];
  if (!isRecord(auth)) {
    return [{ path: '/auth', message: `must be an object with a type: ${AUTH_TYPES}` }];
  }
  const type = auth.type;
  const fields = typeof type === 'string' ? AUTH_FIELDS.get(type) : undefined;
  if (!fields) {
    const message =
      type === undefined ? `is required: one of ${AUTH_TYPES}` : `must be one of: ${AUTH_TYPES}`;
    return [{ path: '/auth/type', message }];
  }
  const issues: ValidationIssue[] = [];
  const optional = OPTIONAL_AUTH_FIELDS.get(type as string) ?? [];
  const known = [...fields, ...optional];
  for (const key of Object.keys(auth)) {
    if (key !== 'type' && !known.includes(key)) {
      const expected = known.length === 0 ? 'takes no other fields' : `takes ${known.join(', ')}`;
      issues.push({ path: pointer('auth', key), message: `unknown field: ${type} auth ${expected}` });
    }
  }
  const problems = new Map<string, string>();
  for (const field of fields) {
    const value = auth[field];
    if (value === undefined) problems.set(field, 'is required');
    else if (typeof value !== 'string') problems.set(field, 'must be a string');
    else if (value.trim() === '') problems.set(field, 'must not be empty');
  }
  const isUsable = (field: string) => !problems.has(field) && typeof auth[field] === 'string';

  if (type === 'bearer' && isUsable('token')) {
    const problem = headerValueProblem(auth.token);
    if (problem) problems.set('token', problem);
  }
  if (type === 'basic' && isUsable('username') && (auth.username as string).includes(':')) {
    problems.set('username', 'must not contain ":" (it separates the user name from the password)');
  }
  if (type === 'api_key') {
    if (isUsable('in') && auth.in !== 'header' && auth.in !== 'query') {
      problems.set('in', 'must be "header" or "query"');
    }
    if (auth.in === 'header') {
      const nameProblem = isUsable('name') ? headerNameProblem(auth.name as string) : undefined;
      if (nameProblem) problems.set('name', nameProblem);
      const valueProblem = isUsable('value') ? headerValueProblem(auth.value) : undefined;
      if (valueProblem) problems.set('value', valueProblem);
    }
    if (
      auth.in === 'query' &&
      isUsable('name') &&
      QUERY_METHODS.has(context.method) &&
      context.parameterNames.has(auth.name as string)
    ) {
      problems.set(
        'name',
        `conflicts with the parameter "${String(auth.name)}", which ${String(context.method)} also sends in the query string`,
      );
    }
  }
  if (type === 'oauth2_client_credentials') {
    const oauth2 = collectOAuth2FieldProblems(auth, isUsable);
    for (const [field, message] of oauth2.problems) problems.set(field, message);
    issues.push(...oauth2.issues);
  }
  for (const field of known) {
    const message = problems.get(field);
    if (message) issues.push({ path: pointer('auth', field), message });
  }
  return issues;
}
