import { collectCodeIssues } from '../code/collect-code-issues.js';
import { pointer, type SafeResult, ValidationError, type ValidationIssue } from '../errors.js';
import { isRecord } from '../is-record.js';
import {
  ACTION_METHODS,
  ACTION_NAME_PATTERN,
  type ActionDefinition,
  DEFAULT_METHOD,
  MAX_TIMEOUT_MS,
  MIN_TIMEOUT_MS,
} from './action-definition.js';
import { collectAsyncIssues, collectRetryIssues } from './collect-async-retry-issues.js';
import { collectAuthIssues } from './collect-auth-issues.js';
import { collectBodyTemplateIssues } from './collect-body-template-issues.js';
import { collectHeaderIssues } from './collect-header-issues.js';
import { collectUrlTemplateIssues, type DeclaredParameters } from './collect-url-template-issues.js';
import { collectConversationIssues } from './conversation-settings.js';
import { summarizeIssues } from './summarize-issues.js';
import { collectParametersSchemaIssues } from './validate-parameters-schema.js';

/** The model reads the description on every turn: long enough to be specific, short enough to stay cheap. */
export const MAX_DESCRIPTION_LENGTH = 1024;
/** Shown to operators in lists and to customers in confirmations: a label, not a paragraph. */
export const MAX_DISPLAY_NAME_LENGTH = 100;

/** Every top-level field of an action definition; anything else is a typo, refused rather than ignored. */
const FIELDS: ReadonlySet<string> = new Set<keyof ActionDefinition>([
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
  'async',
  'retry',
  'conversation',
  'code',
]);

/** What the parameters declare, read leniently: their own problems are reported separately. */
function declaredParameters(parameters: unknown): DeclaredParameters {
  const properties = isRecord(parameters) && isRecord(parameters.properties) ? parameters.properties : {};
  const required = isRecord(parameters) && Array.isArray(parameters.required) ? parameters.required : [];
  return {
    names: new Set(Object.keys(properties)),
    required: new Set(required.filter((name): name is string => typeof name === 'string')),
  };
}

function checkText(
  value: unknown,
  path: string,
  rule: { required: boolean; max: number; what: string },
  issues: ValidationIssue[],
): void {
  if (value === undefined) {
    if (rule.required) issues.push({ path, message: `is required: ${rule.what}` });
  } else if (typeof value !== 'string') issues.push({ path, message: `must be a string: ${rule.what}` });
  else if (value.trim() === '') issues.push({ path, message: `must not be empty: ${rule.what}` });
  else if (value.length > rule.max) issues.push({ path, message: `must be at most ${rule.max} characters` });
}

function checkSigning(signing: unknown, issues: ValidationIssue[]): void {
  if (signing === undefined) return;
  if (!isRecord(signing)) {
    issues.push({ path: '/signing', message: 'must be an object, e.g. {"hexSignatureHeader": true}' });
    return;
  }
  for (const key of Object.keys(signing)) {
    if (key !== 'hexSignatureHeader') {
      issues.push({
        path: pointer('signing', key),
        message: 'unknown field (signing takes hexSignatureHeader)',
      });
    }
  }
  if (signing.hexSignatureHeader !== undefined && typeof signing.hexSignatureHeader !== 'boolean') {
    issues.push({ path: '/signing/hexSignatureHeader', message: 'must be true or false' });
  }
}

/**
 * Every problem in an action definition, each located by a JSON pointer into the input: unknown
 * fields, name, description, URL, method, timeout, parameters, headers, auth, body template,
 * flags and signing, all checked in one pass.
 *
 * @example
 * collectActionDefinitionIssues({ name: 'Check Order', url: 'http://x.example' });
 * // [{ path: '/name', ... }, { path: '/description', ... }, { path: '/url', message: 'must use https, not http' }]
 */
export function collectActionDefinitionIssues(input: unknown): ValidationIssue[] {
  if (!isRecord(input)) return [{ path: '', message: 'an action definition must be a JSON object' }];
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(input)) {
    if (!FIELDS.has(key)) issues.push({ path: pointer(key), message: 'unknown field' });
  }
  const { name, method, timeoutMs } = input;
  if (name === undefined) issues.push({ path: '/name', message: 'is required, e.g. check_order_status' });
  else if (typeof name !== 'string' || !ACTION_NAME_PATTERN.test(name)) {
    issues.push({
      path: '/name',
      message:
        'must be lower-case letters, digits and underscores, starting with a letter (at most 64 characters), e.g. check_order_status',
    });
  }
  checkText(
    input.displayName,
    '/displayName',
    { required: false, max: MAX_DISPLAY_NAME_LENGTH, what: 'a short label for people' },
    issues,
  );
  checkText(
    input.description,
    '/description',
    {
      required: true,
      max: MAX_DESCRIPTION_LENGTH,
      what: 'say what the action does and when the agent should use it',
    },
    issues,
  );
  const declared = declaredParameters(input.parameters);
  issues.push(...collectUrlTemplateIssues(input.url, declared));
  if (method !== undefined && !ACTION_METHODS.includes(method as never)) {
    issues.push({ path: '/method', message: `must be one of: ${ACTION_METHODS.join(', ')} (upper-case)` });
  }
  if (
    timeoutMs !== undefined &&
    !(
      Number.isInteger(timeoutMs) &&
      (timeoutMs as number) >= MIN_TIMEOUT_MS &&
      (timeoutMs as number) <= MAX_TIMEOUT_MS
    )
  ) {
    issues.push({
      path: '/timeoutMs',
      message: `must be a whole number of milliseconds from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}`,
    });
  }
  if (input.parameters !== undefined)
    issues.push(...collectParametersSchemaIssues(input.parameters, ['parameters']));
  issues.push(...collectHeaderIssues(input.headers, input.auth));
  issues.push(
    ...collectAuthIssues(input.auth, { method: method ?? DEFAULT_METHOD, parameterNames: declared.names }),
  );
  if (input.bodyTemplate !== undefined) {
    issues.push(...collectBodyTemplateIssues(input.bodyTemplate, method, declared.names));
  }
  for (const flag of ['followRedirects', 'enabled'] as const) {
    if (input[flag] !== undefined && typeof input[flag] !== 'boolean') {
      issues.push({ path: pointer(flag), message: 'must be true or false' });
    }
  }
  checkSigning(input.signing, issues);
  issues.push(
    ...collectAsyncIssues(input.async, method ?? DEFAULT_METHOD, input.bodyTemplate),
    ...collectRetryIssues(input.retry, method),
  );
  issues.push(...collectConversationIssues(input.conversation, [...declared.names]));
  issues.push(...collectCodeIssues(input.code));
  return issues;
}

/**
 * Checks an action definition and returns it typed (the same object, unchanged). Throws a
 * `ValidationError` (code `validation_failed`) whose `details` list every problem with its JSON
 * pointer. Whether the URL's host is public is checked separately, by the executor's
 * `checkTarget`, because it needs DNS.
 *
 * @example
 * const action = validateActionDefinition(JSON.parse(text));
 */
export function validateActionDefinition(input: unknown): ActionDefinition {
  const issues = collectActionDefinitionIssues(input);
  if (issues.length > 0) throw new ValidationError(summarizeIssues('action definition', issues), issues);
  return input as ActionDefinition;
}

/**
 * {@link validateActionDefinition} without throwing.
 *
 * @example
 * const result = safeValidateActionDefinition(body);
 * if (!result.success) return { error: { code: result.error.code, details: result.error.details } };
 */
export function safeValidateActionDefinition(input: unknown): SafeResult<ActionDefinition> {
  const issues = collectActionDefinitionIssues(input);
  if (issues.length > 0) {
    return {
      success: false,
      error: new ValidationError(summarizeIssues('action definition', issues), issues),
    };
  }
  return { success: true, value: input as ActionDefinition };
}
