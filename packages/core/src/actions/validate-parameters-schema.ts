import { pointer, type SafeResult, ValidationError, type ValidationIssue } from '../errors.js';
import { isRecord } from '../is-record.js';
import {
  PARAMETER_FORMATS,
  PARAMETER_TYPES,
  type ParametersSchema,
  type ParameterType,
} from './action-definition.js';
import { patternProblem } from './safe-pattern.js';
import { summarizeIssues } from './summarize-issues.js';

/** More parameters than this is a form, not a conversation; models also fill long lists poorly. */
export const MAX_PARAMETERS = 32;
/** Parameter names become JSON keys and query names: lower-case letters, digits, underscores. */
export const PARAMETER_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
/** Long enough for guidance and examples; the model reads it on every turn. */
export const MAX_PARAMETER_DESCRIPTION_LENGTH = 500;

const ROOT_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
]);
const PROPERTY_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'description',
  'enum',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'examples',
]);
const STRING_ONLY = ['format', 'pattern', 'minLength', 'maxLength'] as const;
const NUMERIC_ONLY = ['minimum', 'maximum'] as const;

const isNonNegativeInteger = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0;
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function enumValueProblem(value: unknown, type: ParameterType): string | undefined {
  if (type === 'string')
    return typeof value === 'string' ? undefined : 'must be a string (the parameter is a string)';
  if (type === 'integer')
    return Number.isInteger(value) ? undefined : 'must be a whole number (the parameter is an integer)';
  return isFiniteNumber(value) ? undefined : 'must be a number (the parameter is a number)';
}

function checkProperty(name: string, schema: unknown, base: string[], issues: ValidationIssue[]): void {
  const at = (...tokens: Array<string | number>) => pointer(...base, 'properties', name, ...tokens);
  const problem = (path: string, message: string) => issues.push({ path, message });
  if (!PARAMETER_NAME_PATTERN.test(name)) {
    problem(
      at(),
      'is not a valid parameter name: use lower-case letters, digits and underscores, starting with a letter (at most 64), e.g. order_number',
    );
  }
  if (!isRecord(schema)) {
    problem(at(), 'must be an object describing the parameter, e.g. {"type": "string"}');
    return;
  }
  for (const keyword of Object.keys(schema)) {
    if (!PROPERTY_KEYWORDS.has(keyword)) {
      problem(
        at(keyword),
        `unknown keyword "${keyword}" (parameters are flat scalars; allowed: ${[...PROPERTY_KEYWORDS].join(', ')})`,
      );
    }
  }
  const rawType = schema.type;
  const type = PARAMETER_TYPES.includes(rawType as ParameterType) ? (rawType as ParameterType) : undefined;
  if (type === undefined) {
    problem(
      at('type'),
      `${rawType === undefined ? 'is required: one' : 'must be one'} of ${PARAMETER_TYPES.join(', ')}`,
    );
  }
  if (schema.description !== undefined) {
    if (typeof schema.description !== 'string') problem(at('description'), 'must be a string');
    else if (schema.description.length > MAX_PARAMETER_DESCRIPTION_LENGTH) {
      problem(at('description'), `must be at most ${MAX_PARAMETER_DESCRIPTION_LENGTH} characters`);
    }
  }
  if (schema.examples !== undefined && !Array.isArray(schema.examples))
    problem(at('examples'), 'must be an array');
  // What follows depends on the type; with no valid type, the one issue on /type says it all.
  if (type === undefined) return;

  if (schema.enum !== undefined) {
    const values = schema.enum;
    if (type === 'boolean') problem(at('enum'), 'is not allowed on a boolean parameter');
    else if (!Array.isArray(values) || values.length === 0) {
      problem(at('enum'), 'must be a non-empty array of allowed values');
    } else {
      const seen = new Set<unknown>();
      values.forEach((value, index) => {
        const valueProblem = enumValueProblem(value, type);
        if (valueProblem) problem(at('enum', index), valueProblem);
        else if (seen.has(value)) problem(at('enum', index), `repeats ${JSON.stringify(value)}`);
        seen.add(value);
      });
    }
  }
  for (const keyword of STRING_ONLY) {
    if (schema[keyword] !== undefined && type !== 'string') {
      problem(at(keyword), `only string parameters take ${keyword}`);
    }
  }
  for (const keyword of NUMERIC_ONLY) {
    if (schema[keyword] !== undefined && type !== 'number' && type !== 'integer') {
      problem(at(keyword), `only number and integer parameters take ${keyword}`);
    }
  }
  if (type === 'string') checkStringKeywords(schema, at, problem);
  if (type === 'number' || type === 'integer') {
    for (const keyword of NUMERIC_ONLY) {
      if (schema[keyword] !== undefined && !isFiniteNumber(schema[keyword]))
        problem(at(keyword), 'must be a number');
    }
    if (isFiniteNumber(schema.minimum) && isFiniteNumber(schema.maximum) && schema.minimum > schema.maximum) {
      problem(at('minimum'), `must not be greater than maximum (${schema.maximum})`);
    }
  }
}

function checkStringKeywords(
  schema: Record<string, unknown>,
  at: (...tokens: string[]) => string,
  problem: (path: string, message: string) => void,
): void {
  if (schema.format !== undefined && !PARAMETER_FORMATS.includes(schema.format as never)) {
    problem(at('format'), `must be one of: ${PARAMETER_FORMATS.join(', ')}`);
  }
  if (schema.pattern !== undefined) {
    if (typeof schema.pattern !== 'string')
      problem(at('pattern'), 'must be a regular expression, as a string');
    else {
      const unsupported = patternProblem(schema.pattern);
      if (unsupported) problem(at('pattern'), unsupported);
    }
  }
  for (const keyword of ['minLength', 'maxLength'] as const) {
    if (schema[keyword] !== undefined && !isNonNegativeInteger(schema[keyword])) {
      problem(at(keyword), 'must be a whole number, 0 or more');
    }
  }
  if (
    isNonNegativeInteger(schema.minLength) &&
    isNonNegativeInteger(schema.maxLength) &&
    schema.minLength > schema.maxLength
  ) {
    problem(at('minLength'), `must not be greater than maxLength (${schema.maxLength})`);
  }
}

/**
 * Every problem in an action's `parameters`: `{type: 'object', properties, required?,
 * additionalProperties?: false}` with at most {@link MAX_PARAMETERS} scalar properties (string,
 * number, integer, boolean), each with optional description, enum, format (email, date,
 * date-time, phone), pattern, minLength/maxLength, minimum/maximum and examples. Unknown keywords
 * are refused. `base` is the pointer of the schema inside the enclosing document.
 *
 * @example
 * collectParametersSchemaIssues({ type: 'object', properties: { Order: { type: 'text' } } });
 * // [{ path: '/properties/Order', message: 'is not a valid parameter name: ...' },
 * //  { path: '/properties/Order/type', message: 'must be one of string, number, integer, boolean' }]
 */
export function collectParametersSchemaIssues(input: unknown, base: string[] = []): ValidationIssue[] {
  const at = (...tokens: Array<string | number>) => pointer(...base, ...tokens);
  if (!isRecord(input)) {
    return [{ path: at(), message: 'must be a JSON Schema object: {"type": "object", "properties": {...}}' }];
  }
  const issues: ValidationIssue[] = [];
  for (const keyword of Object.keys(input)) {
    if (!ROOT_KEYWORDS.has(keyword)) {
      issues.push({
        path: at(keyword),
        message: `unknown keyword "${keyword}" (allowed: ${[...ROOT_KEYWORDS].join(', ')})`,
      });
    }
  }
  if (input.type !== 'object') {
    issues.push({
      path: at('type'),
      message: input.type === undefined ? 'is required: "object"' : 'must be "object"',
    });
  }
  if (input.additionalProperties !== undefined && input.additionalProperties !== false) {
    issues.push({
      path: at('additionalProperties'),
      message: 'may only be false (arguments are always closed)',
    });
  }
  const properties = input.properties;
  if (!isRecord(properties)) {
    issues.push({
      path: at('properties'),
      message: `${properties === undefined ? 'is required' : 'must be an object'}: parameter names mapped to their schemas ({} for none)`,
    });
  } else {
    const names = Object.keys(properties);
    if (names.length > MAX_PARAMETERS) {
      issues.push({
        path: at('properties'),
        message: `must have at most ${MAX_PARAMETERS} parameters (it has ${names.length})`,
      });
    }
    for (const name of names) checkProperty(name, properties[name], base, issues);
  }
  const declared = isRecord(properties) ? properties : {};
  if (input.required !== undefined) {
    if (!Array.isArray(input.required)) {
      issues.push({ path: at('required'), message: 'must be an array of parameter names' });
    } else {
      const seen = new Set<unknown>();
      input.required.forEach((name: unknown, index) => {
        if (typeof name !== 'string')
          issues.push({ path: at('required', index), message: 'must be a parameter name (a string)' });
        else if (!Object.hasOwn(declared, name)) {
          issues.push({ path: at('required', index), message: `"${name}" is not a declared parameter` });
        } else if (seen.has(name))
          issues.push({ path: at('required', index), message: `lists "${name}" twice` });
        seen.add(name);
      });
    }
  }
  return issues;
}

/**
 * Checks a `parameters` schema and returns it typed; throws a `ValidationError` listing every
 * problem (pointers relative to the schema).
 *
 * @example
 * const schema = validateParametersSchema({ type: 'object', properties: { order_number: { type: 'string' } } });
 */
export function validateParametersSchema(input: unknown): ParametersSchema {
  const issues = collectParametersSchemaIssues(input);
  if (issues.length > 0) throw new ValidationError(summarizeIssues('parameters schema', issues), issues);
  return input as ParametersSchema;
}

/**
 * {@link validateParametersSchema} without throwing.
 *
 * @example
 * const result = safeValidateParametersSchema(input);
 * if (!result.success) result.error.details; // [{ path: '/properties/x/type', message: '...' }]
 */
export function safeValidateParametersSchema(input: unknown): SafeResult<ParametersSchema> {
  const issues = collectParametersSchemaIssues(input);
  if (issues.length > 0) {
    return {
      success: false,
      error: new ValidationError(summarizeIssues('parameters schema', issues), issues),
    };
  }
  return { success: true, value: input as ParametersSchema };
}
