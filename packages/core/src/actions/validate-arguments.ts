import type { CountryCode } from 'libphonenumber-js';
import { escapePointerToken, ToolgateError, type ValidationIssue } from '../errors.js';
import type { ActionDefinition, ParameterSchema, ParametersSchema } from './action-definition.js';
import { compileArgumentsValidator } from './compile-arguments-validator.js';
import { describeArgumentError } from './describe-argument-error.js';
import { normalizeArgument } from './normalize-argument.js';
import { DEFAULT_PHONE_REGION } from './normalize-phone.js';
import { isValidTimeZone } from './zoned-time.js';

/** How arguments are read: phone region, and the time zone and "now" for relative dates. */
export interface ArgumentOptions {
  /** Region for phone numbers written without a country code (ISO 3166 alpha-2). Default `US`. */
  defaultRegion?: CountryCode;
  /** What "now" means for "tomorrow" or "3pm". Default: the current time. */
  referenceDate?: Date;
  /** IANA time zone of the customer, e.g. `America/New_York`. Default `UTC`. */
  timezone?: string;
}

/** The time zone dates are read in when the caller names none. */
export const DEFAULT_ARGUMENT_TIMEZONE = 'UTC';

/** A required parameter the caller did not give (or gave as null or blank): the agent asks for it. */
export interface MissingArgument {
  name: string;
  description?: string;
  schema: ParameterSchema;
}

/** An argument whose value does not fit: the agent asks again, saying why. */
export interface InvalidArgument {
  /** The parameter's name; `''` when the arguments as a whole are not an object. */
  name: string;
  /** JSON pointer into the arguments, e.g. `/order_number`. */
  path: string;
  /** Plain English, to follow the parameter's name: "must be one of: standard, express". */
  message: string;
  /** The value as it was given, before normalization. */
  received?: unknown;
}

/** The outcome of {@link validateArguments}. */
export type ArgumentValidation =
  | { valid: true; value: Record<string, unknown> }
  | { valid: false; missing: MissingArgument[]; invalid: InvalidArgument[]; issues: ValidationIssue[] };

const NO_PARAMETERS: ParametersSchema = { type: 'object', properties: {} };

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function parametersOf(target: ActionDefinition | ParametersSchema): ParametersSchema {
  if ('properties' in target && (target as ParametersSchema).type === 'object')
    return target as ParametersSchema;
  return (target as ActionDefinition).parameters ?? NO_PARAMETERS;
}

const pathOf = (name: string) => `/${escapePointerToken(name)}`;

/**
 * Checks the arguments an agent proposes for an action, and reports everything wrong at once so
 * the agent can ask for all of it: `missing` lists required parameters absent, null, empty or
 * blank (each with its description and schema, to phrase the question); `invalid` lists values
 * that do not fit, in plain English, and names that are not parameters of the action. On success
 * `value` holds the normalized arguments: text trimmed, phones in E.164, dates `YYYY-MM-DD`,
 * date-times ISO 8601 in the customer's zone, `"42"` as 42; blank optional ones left out. The
 * caller's object is never changed. Throws a `ToolgateError` (`invalid_option`) for an unknown
 * time zone, a caller's bug.
 *
 * @example
 * const check = validateArguments(action, { order_number: ' ', email: 'nope' }, { timezone: 'America/New_York' });
 * // { valid: false,
 * //   missing: [{ name: 'order_number', description: 'e.g. ORD-12345', schema: {...} }],
 * //   invalid: [{ name: 'email', path: '/email', message: 'must be an email address', received: 'nope' }],
 * //   issues: [{ path: '/order_number', message: 'is required' }, { path: '/email', message: 'must be an email address' }] }
 */
export function validateArguments(
  target: ActionDefinition | ParametersSchema,
  args: unknown,
  options: ArgumentOptions = {},
): ArgumentValidation {
  const timezone = options.timezone ?? DEFAULT_ARGUMENT_TIMEZONE;
  if (!isValidTimeZone(timezone)) {
    throw new ToolgateError('invalid_option', `unknown IANA time zone ${JSON.stringify(timezone)}`);
  }
  const resolved = {
    defaultRegion: options.defaultRegion ?? DEFAULT_PHONE_REGION,
    referenceDate: options.referenceDate ?? new Date(),
    timezone,
  };
  if (args === null || typeof args !== 'object' || Array.isArray(args)) {
    const issue = { path: '', message: 'must be a JSON object of parameter names to values' };
    return { valid: false, missing: [], invalid: [{ name: '', ...issue, received: args }], issues: [issue] };
  }
  const schema = parametersOf(target);
  const given = args as Record<string, unknown>;
  const names = Object.keys(schema.properties);
  // An array of a few names: searching it costs less than building a Set per call.
  const required: readonly string[] = schema.required ?? [];
  const missing: MissingArgument[] = [];
  const invalid: InvalidArgument[] = [];
  const value: Record<string, unknown> = {};

  for (const name of names) {
    const parameter = schema.properties[name] as ParameterSchema;
    const raw = Object.hasOwn(given, name) ? given[name] : undefined;
    if (isBlank(raw)) {
      if (required.includes(name)) {
        missing.push({
          name,
          ...(parameter.description ? { description: parameter.description } : {}),
          schema: parameter,
        });
      }
      continue;
    }
    const normalized = normalizeArgument(raw, parameter, resolved);
    if (normalized.ok) value[name] = normalized.value;
    else invalid.push({ name, path: pathOf(name), message: normalized.message, received: raw });
  }

  const validate = compileArgumentsValidator(schema);
  if (!validate(value)) {
    const typeErrors = new Set<string>();
    const errors = validate.errors ?? [];
    for (const error of errors) if (error.keyword === 'type') typeErrors.add(error.instancePath);
    for (const error of errors) {
      // A value of the wrong type fails its enum or pattern too; the type is the one thing to fix.
      if (typeErrors.has(error.instancePath) && error.keyword !== 'type') continue;
      const name = error.instancePath.slice(1).replaceAll('~1', '/').replaceAll('~0', '~');
      invalid.push({
        name,
        path: error.instancePath,
        message: describeArgumentError(error, schema.properties[name]),
        received: given[name],
      });
    }
  }
  if (invalid.length > 1) {
    const order = new Map(names.map((name, index) => [name, index]));
    invalid.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
  }
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(schema.properties, name)) {
      invalid.push({
        name,
        path: pathOf(name),
        message: 'is not a parameter of this action',
        received: given[name],
      });
    }
  }

  if (missing.length === 0 && invalid.length === 0) return { valid: true, value };
  const issues: ValidationIssue[] = [
    ...missing.map((entry) => ({ path: pathOf(entry.name), message: 'is required' })),
    ...invalid.map((entry) => ({ path: entry.path, message: entry.message })),
  ];
  return { valid: false, missing, invalid, issues };
}
