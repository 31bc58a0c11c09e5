import type { TSchema } from '@sinclair/typebox';
import { type ValueError, ValueErrorType } from '@sinclair/typebox/errors';

/**
 * The API's field errors in plain words. TypeBox's own messages ("Expected union value",
 * "Expected string to match '^https?://[^/?#]+$'") name the check that failed, not what is
 * allowed; these say what is allowed, from the schema that failed: "must be a whole number from
 * 1 to 100", "must be an origin like https://shop.example.com, without a path".
 */

/**
 * A schema option with the plain description of a rule a reader cannot guess from its keywords
 * (a `pattern`): `Type.String({ pattern: '^[A-Z]{2}$', ...allowed('a country code like US') })`.
 * It shows in the OpenAPI document too, as an `x-` extension.
 */
export const ALLOWED = 'x-allowed';
export const allowed = (text: string) => ({ [ALLOWED]: text }) as const;

const FORMATS: Record<string, string> = {
  email: 'an email address like ana@example.com',
  uri: 'a full URL like https://api.example.com/orders',
  'date-time': 'a date and time like 2026-05-01T09:30:00Z',
};

type Schema = TSchema & Record<string, unknown>;

const numberOr = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

const plural = (word: string) => (count: number) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** " from 1 to 100", ", at least 0": the bounds of a number. */
function range(schema: Schema): string {
  const min = numberOr(schema.minimum);
  const max = numberOr(schema.maximum);
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return `, at least ${min}`;
  if (max !== undefined) return `, at most ${max}`;
  return '';
}

function describeList(schema: Schema): string {
  const min = numberOr(schema.minItems);
  const max = numberOr(schema.maxItems);
  let size = '';
  if (min !== undefined && max !== undefined) size = ` of ${min} to ${max} items`;
  else if (min !== undefined) size = ` of at least ${plural('item')(min)}`;
  else if (max !== undefined) size = ` of at most ${plural('item')(max)}`;
  const items = schema.items as Schema | undefined;
  const each = items && typeof items === 'object' ? `, each ${describeAllowed(items)}` : '';
  return `a list${size}${each}${schema.uniqueItems ? ', none twice' : ''}`;
}

function describeText(schema: Schema): string {
  if (typeof schema.format === 'string' && FORMATS[schema.format]) return FORMATS[schema.format] as string;
  if (schema.pattern === '^[0-9]+$') return 'a whole number written in digits';
  if (typeof schema.pattern === 'string') return `a text matching ${schema.pattern}`;
  const min = numberOr(schema.minLength);
  const max = numberOr(schema.maxLength);
  if (min === 1 && max !== undefined) return `a text of 1 to ${max} characters`;
  if (min === 1) return 'a text that is not empty';
  if (min !== undefined && max !== undefined) return `a text of ${min} to ${max} characters`;
  if (min !== undefined) return `a text of at least ${plural('character')(min)}`;
  if (max !== undefined) return `a text of at most ${plural('character')(max)}`;
  return 'a text';
}

const isNull = (schema: Schema) => schema.type === 'null';

/** The JSON type a value has, in the words of JSON Schema's `type`. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function sameType(schema: Schema, type: string): boolean {
  return schema.type === type || (schema.type === 'number' && type === 'integer');
}

function describeUnion(members: Schema[], value: unknown): string {
  if (members.length > 0 && members.every((member) => member.const !== undefined)) {
    return `one of: ${members.map((member) => String(member.const)).join(', ')}`;
  }
  // The member of the value's type says most ("from 1 to 100" for 500); without one, every
  // member but null, which clears a field and is never what someone meant to type.
  const type = jsonType(value);
  const matching = members.filter((member) => !isNull(member) && sameType(member, type));
  const shown = matching.length > 0 ? matching : members.filter((member) => !isNull(member));
  return (shown.length > 0 ? shown : members).map((member) => describeAllowed(member, value)).join(', or ');
}

/**
 * What a schema allows, as a phrase that follows "must be": "a whole number from 1 to 100",
 * "one of: never, always, auto", "a list of 1 to 20 items".
 *
 * @example
 * describeAllowed(Type.Integer({ minimum: 1, maximum: 100 })); // 'a whole number from 1 to 100'
 */
export function describeAllowed(schema: TSchema, value?: unknown): string {
  const entry = schema as Schema;
  if (typeof entry[ALLOWED] === 'string') return entry[ALLOWED] as string;
  if (Array.isArray(entry.anyOf)) return describeUnion(entry.anyOf as Schema[], value);
  if (entry.const !== undefined) return JSON.stringify(entry.const);
  switch (entry.type) {
    case 'integer':
      return `a whole number${range(entry)}`;
    case 'number':
      return `a number${range(entry)}`;
    case 'string':
      return describeText(entry);
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'array':
      return describeList(entry);
    case 'object':
      return 'an object';
    default:
      return 'a JSON value';
  }
}

/**
 * The errors to report for one TypeBox error. A union ("a limits object, or null") that failed
 * for a value of one member's type reports that member's own errors ("/limits/maxSteps must be a
 * whole number from 1 to 10"), not the union's "expected union value" at the parent.
 */
export function expandUnions(error: ValueError): ValueError[] {
  const members = (error.schema as Schema).anyOf;
  if (error.type !== ValueErrorType.Union || !Array.isArray(members)) return [error];
  const type = jsonType(error.value);
  const matching = (members as Schema[]).flatMap((member, index) =>
    !isNull(member) && member.const === undefined && sameType(member, type) ? [index] : [],
  );
  const only = matching.length === 1 ? error.errors[matching[0] as number] : undefined;
  const nested = only ? [...only] : [];
  return nested.length > 0 ? nested.flatMap(expandUnions) : [error];
}

/**
 * One TypeBox error as the API reports it: what is allowed at that place, or what is wrong with
 * a list as a whole.
 *
 * @example
 * plainMessage(error); // 'must be an origin like https://shop.example.com, without a path'
 */
export function plainMessage(error: ValueError): string {
  const schema = error.schema as Schema;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return `is required: ${describeAllowed(schema)}`;
    case ValueErrorType.ArrayMinItems:
      return `must list at least ${plural('item')(numberOr(schema.minItems) ?? 0)}`;
    case ValueErrorType.ArrayMaxItems:
      return `must list at most ${plural('item')(numberOr(schema.maxItems) ?? 0)}`;
    case ValueErrorType.ArrayUniqueItems:
      return 'must not list the same value twice';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'is not a known field';
    default:
      return `must be ${describeAllowed(schema, error.value)}`;
  }
}
