import { pointer, type SafeResult, ValidationError, type ValidationIssue } from '../errors.js';
import {
  ACTION_METHODS,
  ACTION_NAME_PATTERN,
  type ActionDefinition,
  MAX_TIMEOUT_MS,
  MIN_TIMEOUT_MS,
} from './action-definition.js';
import { CONTEXT_TEMPLATE_KEYS } from './call-context.js';
import { headerNameProblem, headerValueProblem, MAX_HEADERS } from './header-rules.js';
import { collectParametersSchemaIssues } from './validate-parameters-schema.js';

/** The model reads the description on every turn: long enough to be specific, short enough to stay cheap. */
export const MAX_DESCRIPTION_LENGTH = 1024;
export const MAX_DISPLAY_NAME_LENGTH = 100;
/** Same limit as the request body: a template larger than the request cap could never be sent. */
export const MAX_BODY_TEMPLATE_BYTES = 100 * 1024;
export const MAX_URL_TEMPLATE_LENGTH = 2048;

const FIELDS = new Set([
  'name',
  'displayName',
  'description',
  'url',
  'method',
  'timeoutMs',
  'parameters',
  'headers',
  'auth',
  'bodyTemplate',
  'followRedirects',
  'signing',
  'enabled',
]);
const AUTH_FIELDS: Record<string, string[]> = {
  none: [],
  bearer: ['token'],
  basic: ['username', 'password'],
  api_key: ['in', 'name', 'value'],
};
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const TEMPLATE_PLACEHOLDER = /\{\{\s*([A-Za-z_]+)\.([A-Za-z0-9_]+)\s*\}\}/g;
const PATH_PLACEHOLDER = /\{([^{}]*)\}/g;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function declaredParameters(input: Record<string, unknown>): { names: Set<string>; required: Set<string> } {
  const parameters = isRecord(input.parameters) ? input.parameters : {};
  const properties = isRecord(parameters.properties) ? parameters.properties : {};
  const required = Array.isArray(parameters.required)
    ? parameters.required.filter((name): name is string => typeof name === 'string')
    : [];
  return { names: new Set(Object.keys(properties)), required: new Set(required) };
}

function checkUrl(
  url: unknown,
  declared: ReturnType<typeof declaredParameters>,
  issues: ValidationIssue[],
): void {
  if (typeof url !== 'string' || url.trim() === '') {
    issues.push({ path: '/url', message: 'is required: the https URL of the endpoint' });
    return;
  }
  if (url.length > MAX_URL_TEMPLATE_LENGTH) {
    issues.push({ path: '/url', message: `must be at most ${MAX_URL_TEMPLATE_LENGTH} characters` });
    return;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    issues.push({ path: '/url', message: 'is not a valid absolute URL' });
    return;
  }
  if (parsed.protocol !== 'https:')
    issues.push({ path: '/url', message: `must use https, not ${parsed.protocol.replace(':', '')}` });
  if (parsed.username !== '' || parsed.password !== '')
    issues.push({ path: '/url', message: 'must not contain credentials (user:password@); use auth instead' });
  if (parsed.hash !== '') issues.push({ path: '/url', message: 'must not contain a #fragment' });
  const authority = url.slice(url.indexOf('//') + 2).split(/[/?#]/)[0] ?? '';
  if (authority.includes('{'))
    issues.push({ path: '/url', message: 'placeholders may only appear in the path, not in the host' });
  const pathPart = url.slice(url.indexOf('//') + 2 + authority.length).split(/[?#]/)[0] ?? '';
  for (const match of pathPart.matchAll(PATH_PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!declared.names.has(name))
      issues.push({ path: '/url', message: `placeholder {${name}} does not name a declared parameter` });
    else if (!declared.required.has(name))
      issues.push({ path: '/url', message: `placeholder {${name}} must name a required parameter` });
  }
}

function checkHeaders(headers: unknown, auth: unknown, issues: ValidationIssue[]): void {
  if (headers === undefined) return;
  if (!isRecord(headers)) {
    issues.push({ path: '/headers', message: 'must be an object of header names to values' });
    return;
  }
  const names = Object.keys(headers);
  if (names.length > MAX_HEADERS)
    issues.push({ path: '/headers', message: `at most ${MAX_HEADERS} headers` });
  const seen = new Set<string>();
  for (const name of names) {
    const path = pointer('headers', name);
    const nameProblem = headerNameProblem(name);
    if (nameProblem) issues.push({ path, message: nameProblem });
    const valueProblem = headerValueProblem(headers[name]);
    if (valueProblem) issues.push({ path, message: valueProblem });
    const lower = name.toLowerCase();
    if (seen.has(lower)) issues.push({ path, message: 'is set twice (header names ignore case)' });
    seen.add(lower);
    if (lower === 'authorization' && isRecord(auth) && auth.type !== 'none' && auth.type !== undefined) {
      issues.push({ path, message: 'conflicts with auth: configure the credential in one place' });
    }
  }
}

function checkAuth(auth: unknown, issues: ValidationIssue[]): void {
  if (auth === undefined) return;
  if (!isRecord(auth)) {
    issues.push({ path: '/auth', message: 'must be an object with a type: none, bearer, basic or api_key' });
    return;
  }
  const type = auth.type;
  const fields = typeof type === 'string' ? AUTH_FIELDS[type] : undefined;
  if (!fields) {
    issues.push({ path: '/auth/type', message: 'must be one of: none, bearer, basic, api_key' });
    return;
  }
  for (const key of Object.keys(auth)) {
    if (key !== 'type' && !fields.includes(key))
      issues.push({ path: pointer('auth', key), message: `unknown field for ${type} auth` });
  }
  for (const field of fields) {
    const value = auth[field];
    if (typeof value !== 'string' || value === '')
      issues.push({ path: pointer('auth', field), message: 'is required' });
    else if (/[\r\n\0]/.test(value))
      issues.push({
        path: pointer('auth', field),
        message: 'must not contain line breaks or NUL characters',
      });
  }
  if (type === 'basic' && typeof auth.username === 'string' && auth.username.includes(':')) {
    issues.push({ path: '/auth/username', message: 'must not contain ":"' });
  }
  if (type === 'api_key') {
    if (auth.in !== undefined && auth.in !== 'header' && auth.in !== 'query')
      issues.push({ path: '/auth/in', message: 'must be "header" or "query"' });
    if (auth.in === 'header' && typeof auth.name === 'string' && auth.name !== '') {
      const problem = headerNameProblem(auth.name);
      if (problem) issues.push({ path: '/auth/name', message: problem });
    }
  }
}

function checkBodyTemplate(
  input: Record<string, unknown>,
  declared: ReturnType<typeof declaredParameters>,
  issues: ValidationIssue[],
): void {
  const template = input.bodyTemplate;
  if (template === undefined) return;
  const method = input.method ?? 'POST';
  if (typeof method === 'string' && !BODY_METHODS.has(method)) {
    issues.push({
      path: '/bodyTemplate',
      message: `only POST, PUT and PATCH send a body; ${method} sends parameters in the query string`,
    });
  }
  let text: string;
  try {
    text = JSON.stringify(template);
  } catch {
    issues.push({ path: '/bodyTemplate', message: 'must be JSON' });
    return;
  }
  if (Buffer.byteLength(text) > MAX_BODY_TEMPLATE_BYTES) {
    issues.push({ path: '/bodyTemplate', message: `must be at most ${MAX_BODY_TEMPLATE_BYTES} bytes` });
  }
  for (const match of text.matchAll(TEMPLATE_PLACEHOLDER)) {
    const [placeholder, source, key] = match as unknown as [string, string, string];
    if (source === 'parameters' && !declared.names.has(key)) {
      issues.push({ path: '/bodyTemplate', message: `${placeholder} does not name a declared parameter` });
    } else if (source === 'context' && !(CONTEXT_TEMPLATE_KEYS as readonly string[]).includes(key)) {
      issues.push({
        path: '/bodyTemplate',
        message: `${placeholder}: context has ${CONTEXT_TEMPLATE_KEYS.join(', ')}`,
      });
    } else if (source !== 'parameters' && source !== 'context') {
      issues.push({
        path: '/bodyTemplate',
        message: `${placeholder}: placeholders start with parameters. or context.`,
      });
    }
  }
}

/**
 * Every problem in an action definition, each located by a JSON pointer into the input.
 *
 * @example
 * collectActionDefinitionIssues({ name: 'Check Order', url: 'http://x' });
 * // [{ path: '/name', ... }, { path: '/description', ... }, { path: '/url', message: 'must use https, not http' }]
 */
export function collectActionDefinitionIssues(input: unknown): ValidationIssue[] {
  if (!isRecord(input)) return [{ path: '', message: 'an action definition must be a JSON object' }];
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(input)) {
    if (!FIELDS.has(key)) issues.push({ path: pointer(key), message: 'unknown field' });
  }
  const { name, displayName, description, method, timeoutMs } = input;
  if (typeof name !== 'string' || !ACTION_NAME_PATTERN.test(name)) {
    issues.push({
      path: '/name',
      message:
        name === undefined
          ? 'is required'
          : 'must be lower-case letters, digits and underscores, starting with a letter (at most 64), e.g. check_order_status',
    });
  }
  if (
    displayName !== undefined &&
    (typeof displayName !== 'string' ||
      displayName.trim() === '' ||
      displayName.length > MAX_DISPLAY_NAME_LENGTH)
  ) {
    issues.push({
      path: '/displayName',
      message: `must be a non-empty string of at most ${MAX_DISPLAY_NAME_LENGTH} characters`,
    });
  }
  if (typeof description !== 'string' || description.trim() === '') {
    issues.push({
      path: '/description',
      message: 'is required: say what the action does and when the agent should use it',
    });
  } else if (description.length > MAX_DESCRIPTION_LENGTH) {
    issues.push({ path: '/description', message: `must be at most ${MAX_DESCRIPTION_LENGTH} characters` });
  }
  const declared = declaredParameters(input);
  checkUrl(input.url, declared, issues);
  if (method !== undefined && !ACTION_METHODS.includes(method as never)) {
    issues.push({ path: '/method', message: `must be one of: ${ACTION_METHODS.join(', ')}` });
  }
  if (
    timeoutMs !== undefined &&
    (!Number.isInteger(timeoutMs) ||
      (timeoutMs as number) < MIN_TIMEOUT_MS ||
      (timeoutMs as number) > MAX_TIMEOUT_MS)
  ) {
    issues.push({
      path: '/timeoutMs',
      message: `must be a whole number of milliseconds from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}`,
    });
  }
  if (input.parameters !== undefined)
    issues.push(...collectParametersSchemaIssues(input.parameters, ['parameters']));
  checkHeaders(input.headers, input.auth, issues);
  checkAuth(input.auth, issues);
  checkBodyTemplate(input, declared, issues);
  for (const flag of ['followRedirects', 'enabled'] as const) {
    if (input[flag] !== undefined && typeof input[flag] !== 'boolean')
      issues.push({ path: pointer(flag), message: 'must be true or false' });
  }
  if (input.signing !== undefined) {
    if (!isRecord(input.signing)) issues.push({ path: '/signing', message: 'must be an object' });
    else {
      for (const key of Object.keys(input.signing)) {
        if (key !== 'hexSignatureHeader')
          issues.push({ path: pointer('signing', key), message: 'unknown field' });
      }
      if (
        input.signing.hexSignatureHeader !== undefined &&
        typeof input.signing.hexSignatureHeader !== 'boolean'
      ) {
        issues.push({ path: '/signing/hexSignatureHeader', message: 'must be true or false' });
      }
    }
  }
  return issues;
}

/**
 * Checks an action definition and returns it typed; throws a `ValidationError` whose `details`
 * list every problem with its JSON pointer.
 *
 * @example
 * const action = validateActionDefinition(JSON.parse(text));
 */
export function validateActionDefinition(input: unknown): ActionDefinition {
  const issues = collectActionDefinitionIssues(input);
  if (issues.length > 0) {
    throw new ValidationError(
      `the action definition has ${issues.length} problem${issues.length === 1 ? '' : 's'}`,
      issues,
    );
  }
  return input as ActionDefinition;
}

/** {@link validateActionDefinition} without throwing. */
export function safeValidateActionDefinition(input: unknown): SafeResult<ActionDefinition> {
  try {
    return { success: true, value: validateActionDefinition(input) };
  } catch (error) {
    if (error instanceof ValidationError) return { success: false, error };
    throw error;
  }
}
