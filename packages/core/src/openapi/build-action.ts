import type { ActionAuth, ActionDefinition } from '../actions/action-definition.js';
import {
  collectActionDefinitionIssues,
  MAX_DESCRIPTION_LENGTH,
  MAX_DISPLAY_NAME_LENGTH,
} from '../actions/validate-action-definition.js';
import { collectParameters } from './collect-parameters.js';
import {
  type AuthRequirement,
  IMPORTABLE_METHODS,
  type ImportedOperation,
  type NormalizedOperation,
} from './import-types.js';
import { resolveAuth } from './resolve-auth.js';
import { resolveBaseUrl } from './resolve-base-url.js';

/** Below this a description rarely tells a model when to call the action. */
export const THIN_DESCRIPTION_LENGTH = 20;

/** Placeholder credentials, only to check that a definition with real ones will validate. */
export function sampleAuth(auth: AuthRequirement): ActionAuth {
  if (auth.type === 'bearer') return { type: 'bearer', token: 'sample-token' };
  if (auth.type === 'basic') return { type: 'basic', username: 'sample', password: 'sample-password' };
  return { type: 'api_key', in: auth.in, name: auth.name, value: 'sample-key' };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function describeOperation(operation: NormalizedOperation, warnings: string[]): string {
  const { summary, description } = operation;
  const parts = [summary, description].filter((part): part is string => part !== undefined);
  if (summary && description?.toLowerCase().startsWith(summary.toLowerCase())) parts.shift();
  let text = parts
    .map((part) => (/[.!?:]$/.test(part) ? part : `${part}.`))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') {
    text = `${operation.method.toUpperCase()} ${operation.path}`;
    warnings.push('the operation has no summary or description; the model only sees its method and path');
  } else if (text.length < THIN_DESCRIPTION_LENGTH) {
    warnings.push(
      `the description "${text}" is too thin for a model to know when to call it; write a better one`,
    );
  }
  if (text.length > MAX_DESCRIPTION_LENGTH) {
    warnings.push(`the description was cut to ${MAX_DESCRIPTION_LENGTH} characters`);
    text = clip(text, MAX_DESCRIPTION_LENGTH);
  }
  return text;
}

function displayNameOf(operation: NormalizedOperation): string | undefined {
  const label = operation.summary ?? operation.operationId;
  return label === undefined ? undefined : clip(label.replace(/\s+/g, ' '), MAX_DISPLAY_NAME_LENGTH);
}

/**
 * One normalized operation as an import entry: convertible with an action definition (and the
 * credential it needs, never a value from the document), or not with every reason found. A
 * produced definition always passes `validateActionDefinition`, with placeholder credentials
 * standing in for the ones asked at import; if it would not, its issues become the reasons.
 */
export function buildImportedOperation(
  operation: NormalizedOperation,
  name: string,
  documentUrl?: string,
): ImportedOperation {
  const entry: ImportedOperation = {
    method: operation.method.toUpperCase(),
    path: operation.path,
    ...(operation.operationId ? { operationId: operation.operationId } : {}),
    name,
    convertible: false,
    reasons: [],
    warnings: [],
  };
  if (!operation.operationId) entry.warnings.push(`the operation has no operationId; it is named ${name}`);
  if (operation.deprecated) entry.warnings.push('the operation is deprecated');
  const method = IMPORTABLE_METHODS.get(operation.method);
  if (method === undefined) {
    entry.reasons.push(
      `${operation.method.toUpperCase()} is not a method actions use (GET, POST, PUT, PATCH, DELETE)`,
    );
    return entry;
  }
  const base = resolveBaseUrl(operation.servers, documentUrl);
  if (!base.ok) entry.reasons.push(base.reason);
  const auth = resolveAuth(operation);
  if (!auth.ok) entry.reasons.push(auth.reason);
  const authRequirement = auth.ok ? auth.auth : undefined;
  const collected = collectParameters(operation, method, authRequirement);
  entry.reasons.push(...collected.reasons);
  entry.warnings.push(...collected.warnings);
  const description = describeOperation(operation, entry.warnings);
  if (!base.ok || entry.reasons.length > 0) return entry;

  const displayName = displayNameOf(operation);
  const action: ActionDefinition = {
    name,
    ...(displayName ? { displayName } : {}),
    description,
    url: `${base.url}${collected.pathTemplate}`,
    method,
    parameters: {
      type: 'object',
      properties: collected.properties,
      ...(collected.required.length > 0 ? { required: collected.required } : {}),
    },
    ...(collected.bodyTemplate === undefined ? {} : { bodyTemplate: collected.bodyTemplate }),
  };
  const withAuth = authRequirement ? { ...action, auth: sampleAuth(authRequirement) } : action;
  const issues = collectActionDefinitionIssues(withAuth);
  if (issues.length > 0) {
    entry.reasons.push(
      ...issues.map((issue) => `the action would be invalid: ${issue.path} ${issue.message}`),
    );
    return entry;
  }
  entry.convertible = true;
  entry.action = action;
  if (authRequirement) entry.auth = authRequirement;
  return entry;
}
