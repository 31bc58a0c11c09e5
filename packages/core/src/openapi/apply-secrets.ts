import type { ActionAuth, ActionDefinition } from '../actions/action-definition.js';
import { validateActionDefinition } from '../actions/validate-action-definition.js';
import { ValidationError } from '../errors.js';
import type { AuthRequirement, ImportedOperation, SchemeSecret } from './import-types.js';

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function authFrom(requirement: AuthRequirement, secret: SchemeSecret | undefined): ActionAuth {
  const at = `/secrets/${requirement.scheme}`;
  const missing = (what: string): never => {
    const message = `${requirement.type} scheme "${requirement.scheme}" needs ${what}`;
    throw new ValidationError(message, [{ path: at, message }]);
  };
  const given = (secret ?? {}) as Record<string, unknown>;
  if (requirement.type === 'bearer') {
    if (!nonEmpty(given.token)) missing('{"token": "..."}');
    return { type: 'bearer', token: given.token as string };
  }
  if (requirement.type === 'basic') {
    if (!nonEmpty(given.username) || !nonEmpty(given.password))
      missing('{"username": "...", "password": "..."}');
    return { type: 'basic', username: given.username as string, password: given.password as string };
  }
  if (!nonEmpty(given.value)) missing('{"value": "..."}');
  return { type: 'api_key', in: requirement.in, name: requirement.name, value: given.value as string };
}

/**
 * The action of a convertible import entry with the operator's credential for its scheme,
 * validated. Secrets are looked up by the document's scheme name; an operation without auth
 * needs none. Throws a `ValidationError` naming the scheme when a credential is missing.
 *
 * @example
 * applySecrets(entry, { bearerAuth: { token: process.env.API_TOKEN } });
 */
export function applySecrets(
  entry: ImportedOperation,
  secrets: Readonly<Record<string, SchemeSecret>> = {},
): ActionDefinition {
  if (!entry.convertible || !entry.action) {
    const message = `${entry.method} ${entry.path} cannot become an action: ${entry.reasons.join('; ')}`;
    throw new ValidationError(message, [{ path: `/operations/${entry.name}`, message }]);
  }
  if (!entry.auth) return validateActionDefinition(structuredClone(entry.action));
  const auth = authFrom(
    entry.auth,
    Object.hasOwn(secrets, entry.auth.scheme) ? secrets[entry.auth.scheme] : undefined,
  );
  return validateActionDefinition({ ...structuredClone(entry.action), auth });
}
