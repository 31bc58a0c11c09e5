import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import type { CountryCode } from 'libphonenumber-js';
import { escapePointerToken, type ValidationIssue } from '../errors.js';
import type { ActionDefinition, ParameterSchema, ParametersSchema } from './action-definition.js';
import { normalizeDate, normalizeDateTime } from './normalize-date.js';
import { DEFAULT_PHONE_REGION, E164_PATTERN, normalizePhone } from './normalize-phone.js';

// ajv-formats is CommonJS with a default export; under NodeNext the function sits on `.default`.
type AddFormats = (instance: Ajv, formats: string[]) => Ajv;
const addFormats = ((ajvFormats as unknown as { default?: AddFormats }).default ?? ajvFormats) as AddFormats;

/** How arguments are read: phone region, and the time zone and "now" for relative dates. */
export interface ArgumentOptions {
  /** Region for phone numbers written without a country code (ISO 3166 alpha-2). Default US. */
  defaultRegion?: CountryCode;
  /** What "today" means. Default: now. */
  referenceDate?: Date;
  /** IANA time zone of the customer. Default UTC. */
  timezone?: string;
}

/** A required parameter the caller did not give: the agent asks for it. */
export interface MissingArgument {
  name: string;
  description?: string;
  schema: ParameterSchema;
}

/** A parameter given with a value that does not fit: the agent asks again, saying why. */
export interface InvalidArgument {
  name: string;
  /** JSON pointer into the arguments. */
  path: string;
  message: string;
  received?: unknown;
}

/** The outcome of {@link validateArguments}. */
export type ArgumentValidation =
  | { valid: true; value: Record<string, unknown> }
  | { valid: false; missing: MissingArgument[]; invalid: InvalidArgument[]; issues: ValidationIssue[] };

const ajv = new Ajv({ allErrors: true, coerceTypes: true, strict: false, useDefaults: false });
addFormats(ajv, ['email', 'date', 'date-time']);
ajv.addFormat('phone', E164_PATTERN);

/** Compiled validators: by schema object first, by its JSON text as a fallback (bounded). */
const byObject = new WeakMap<object, ValidateFunction>();
const byText = new Map<string, ValidateFunction>();
const COMPILED_BY_TEXT_LIMIT = 500;

function compiled(schema: ParametersSchema): ValidateFunction {
  const cached = byObject.get(schema);
  if (cached) return cached;
  const text = JSON.stringify(schema);
  let validate = byText.get(text);
  if (!validate) {
    validate = ajv.compile({ ...schema, additionalProperties: false });
    if (byText.size >= COMPILED_BY_TEXT_LIMIT) byText.clear();
    byText.set(text, validate);
  }
  byObject.set(schema, validate);
  return validate;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function describeError(error: ErrorObject, schema: ParameterSchema | undefined): string {
  switch (error.keyword) {
    case 'type':
      return `must be ${schema?.type === 'integer' ? 'a whole number' : `a ${String(error.params.type)}`}`;
    case 'enum':
      return `must be one of: ${(schema?.enum ?? []).join(', ')}`;
    case 'format':
      switch (error.params.format) {
        case 'email':
          return 'must be an email address';
        case 'phone':
          return 'must be a phone number (e.g. +14155550123)';
        case 'date':
          return 'must be a date (e.g. 2026-03-25)';
        case 'date-time':
          return 'must be a date and time (e.g. 2026-03-25T15:00:00Z)';
        default:
          return `must be in ${String(error.params.format)} format`;
      }
    case 'pattern': {
      const example = schema?.examples?.[0];
      return example === undefined
        ? `must match the pattern ${schema?.pattern}`
        : `must look like ${JSON.stringify(example)}`;
    }
    case 'minLength':
      return `must be at least ${error.params.limit} characters`;
    case 'maxLength':
      return `must be at most ${error.params.limit} characters`;
    case 'minimum':
      return `must be at least ${error.params.limit}`;
    case 'maximum':
      return `must be at most ${error.params.limit}`;
    default:
      return error.message ?? 'is not valid';
  }
}

/** Rewrites phone and date values into their canonical forms; leaves unreadable ones as given. */
function normalizeValue(
  value: unknown,
  schema: ParameterSchema,
  options: Required<ArgumentOptions>,
): unknown {
  if (typeof value !== 'string' || schema.type !== 'string') return value;
  const reference = { referenceDate: options.referenceDate, timezone: options.timezone };
  switch (schema.format) {
    case 'phone':
      return normalizePhone(value, options.defaultRegion) ?? value;
    case 'date':
      return normalizeDate(value, reference) ?? value;
    case 'date-time':
      return normalizeDateTime(value, reference) ?? value;
    default:
      return value.trim();
  }
}

/**
 * Checks an agent's proposed arguments against an action's parameters: which required ones are
 * missing, which are invalid and why, all at once. Phones become E.164 and dates ISO 8601 first;
 * `"42"` becomes 42 for an integer. The caller's object is never changed.
 *
 * @example
 * const check = validateArguments(action, { order_number: '' });
 * if (!check.valid) check.missing; // [{ name: 'order_number', description: 'e.g. ORD-12345', ... }]
 */
export function validateArguments(
  target: ActionDefinition | ParametersSchema,
  args: unknown,
  options: ArgumentOptions = {},
): ArgumentValidation {
  const schema: ParametersSchema =
    'type' in target && target.type === 'object'
      ? (target as ParametersSchema)
      : ((target as ActionDefinition).parameters ?? { type: 'object', properties: {} });
  const resolved: Required<ArgumentOptions> = {
    defaultRegion: options.defaultRegion ?? DEFAULT_PHONE_REGION,
    referenceDate: options.referenceDate ?? new Date(),
    timezone: options.timezone ?? 'UTC',
  };
  if (args === null || typeof args !== 'object' || Array.isArray(args)) {
    const issue = { path: '', message: 'arguments must be a JSON object' };
    return { valid: false, missing: [], invalid: [{ name: '', ...issue }], issues: [issue] };
  }
  const required = new Set(schema.required ?? []);
  const missing: MissingArgument[] = [];
  const invalid: InvalidArgument[] = [];
  const value: Record<string, unknown> = {};

  for (const [name, given] of Object.entries(args as Record<string, unknown>)) {
    const parameter = Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
    if (!parameter) {
      invalid.push({
        name,
        path: `/${escapePointerToken(name)}`,
        message: 'is not a parameter of this action',
        received: given,
      });
      continue;
    }
    if (isBlank(given)) continue;
    value[name] = normalizeValue(given, parameter, resolved);
  }
  for (const name of required) {
    const parameter = schema.properties[name];
    if (parameter && !(name in value)) {
      missing.push({
        name,
        ...(parameter.description ? { description: parameter.description } : {}),
        schema: parameter,
      });
    }
  }

  const validate = compiled(schema);
  if (!validate(value)) {
    for (const error of validate.errors ?? []) {
      if (error.keyword === 'required' || error.keyword === 'additionalProperties') continue;
      const name = error.instancePath.split('/')[1] ?? '';
      const parameter = schema.properties[name];
      invalid.push({
        name,
        path: error.instancePath,
        message: describeError(error, parameter),
        received: (args as Record<string, unknown>)[name],
      });
    }
  }
  if (missing.length === 0 && invalid.length === 0) return { valid: true, value };
  const issues: ValidationIssue[] = [
    ...missing.map((entry) => ({ path: `/${escapePointerToken(entry.name)}`, message: 'is required' })),
    ...invalid.map((entry) => ({ path: entry.path, message: entry.message })),
  ];
  return { valid: false, missing, invalid, issues };
}
