import { isRecord } from '../stores/merge-headers.js';

/** One argument that does not fit the remote tool's `inputSchema`. */
export interface RemoteArgumentIssue {
  path: string;
  message: string;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function fits(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    case 'null':
      return value === null;
    default:
      // A type this check does not know is left to the server.
      return true;
  }
}

/**
 * Checks arguments against a remote tool's `inputSchema` before it is called: the required
 * properties are there, and each top-level property given has its declared type (or one of its
 * types) and, with `enum`, one of its values. Deeper rules are the server's to check.
 *
 * @example
 * checkRemoteArguments({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, {});
 * // [{ path: '/city', message: 'is required' }]
 */
export function checkRemoteArguments(schema: unknown, args: Record<string, unknown>): RemoteArgumentIssue[] {
  if (!isRecord(schema)) return [];
  const issues: RemoteArgumentIssue[] = [];
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required)
    ? schema.required.filter((name) => typeof name === 'string')
    : [];
  for (const name of required) {
    if (args[name] === undefined) issues.push({ path: `/${name}`, message: 'is required' });
  }
  for (const [name, value] of Object.entries(args)) {
    const property = properties[name];
    if (!isRecord(property)) {
      if (schema.additionalProperties === false)
        issues.push({ path: `/${name}`, message: 'is not a parameter of this tool' });
      continue;
    }
    const types =
      typeof property.type === 'string' ? [property.type] : Array.isArray(property.type) ? property.type : [];
    if (types.length > 0 && !types.some((type) => fits(value, String(type)))) {
      const words = types.map((type) => TYPE_WORDS[String(type)] ?? String(type)).join(' or ');
      issues.push({ path: `/${name}`, message: `must be ${words}` });
      continue;
    }
    if (
      Array.isArray(property.enum) &&
      !property.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))
    ) {
      issues.push({
        path: `/${name}`,
        message: `must be one of: ${property.enum.map((allowed) => JSON.stringify(allowed)).join(', ')}`,
      });
    }
  }
  return issues;
}
