import { pointer, type ValidationIssue } from '../errors.js';
import { PARAMETER_FORMATS, PARAMETER_TYPES } from './action-definition.js';

/** More parameters than this is a form, not a conversation; models also fill long lists poorly. */
export const MAX_PARAMETERS = 32;
/** Parameter names become JSON keys and query names: lower-case letters, digits, underscores. */
export const PARAMETER_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
/** Long enough for guidance and examples; the model reads it on every turn. */
export const MAX_PARAMETER_DESCRIPTION_LENGTH = 500;

const ROOT_KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties']);
const PROPERTY_KEYWORDS = new Set([
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const isNonNegativeInteger = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

function checkProperty(name: string, schema: unknown, base: string[], issues: ValidationIssue[]): void {
  const at = (...tokens: string[]) => pointer(...base, 'properties', name, ...tokens);
  if (!PARAMETER_NAME_PATTERN.test(name)) {
    issues.push({
      path: at(),
      message:
        'parameter names use lower-case letters, digits and underscores, starting with a letter (at most 64)',
    });
  }
  if (!isRecord(schema)) {
    issues.push({ path: at(), message: 'must be an object describing the parameter' });
    return;
  }
  for (const keyword of Object.keys(schema)) {
    if (!PROPERTY_KEYWORDS.has(keyword))
      issues.push({ path: at(keyword), message: `unknown keyword "${keyword}"` });
  }
  const type = schema.type;
  if (!PARAMETER_TYPES.includes(type as never)) {
    issues.push({ path: at('type'), message: `must be one of: ${PARAMETER_TYPES.join(', ')}` });
  }
  const isString = type === 'string';
  const isNumeric = type === 'number' || type === 'integer';
  if (schema.description !== undefined) {
    if (typeof schema.description !== 'string')
      issues.push({ path: at('description'), message: 'must be a string' });
    else if (schema.description.length > MAX_PARAMETER_DESCRIPTION_LENGTH) {
      issues.push({
        path: at('description'),
        message: `must be at most ${MAX_PARAMETER_DESCRIPTION_LENGTH} characters`,
      });
    }
  }
  if (schema.enum !== undefined) {
    const values = schema.enum;
    if (!Array.isArray(values) || values.length === 0) {
      issues.push({ path: at('enum'), message: 'must be a non-empty array of allowed values' });
    } else {
      values.forEach((value, index) => {
        const fits = isString
          ? typeof value === 'string'
          : isNumeric
            ? typeof value === 'number' && (type === 'number' || Number.isInteger(value))
            : false;
        if (!fits)
          issues.push({
            path: at('enum', String(index)),
            message: `must be a ${isNumeric ? type : 'string'} value`,
          });
      });
      if (type === 'boolean') issues.push({ path: at('enum'), message: 'is not allowed on a boolean' });
      if (new Set(values).size !== values.length)
        issues.push({ path: at('enum'), message: 'values must be unique' });
    }
  }
  if (schema.format !== undefined) {
    if (!isString) issues.push({ path: at('format'), message: 'only string parameters have a format' });
    else if (!PARAMETER_FORMATS.includes(schema.format as never)) {
      issues.push({ path: at('format'), message: `must be one of: ${PARAMETER_FORMATS.join(', ')}` });
    }
  }
  if (schema.pattern !== undefined) {
    if (!isString) issues.push({ path: at('pattern'), message: 'only string parameters have a pattern' });
    else if (typeof schema.pattern !== 'string')
      issues.push({ path: at('pattern'), message: 'must be a regular expression string' });
    else {
      try {
        new RegExp(schema.pattern, 'u');
      } catch (error) {
        issues.push({
          path: at('pattern'),
          message: `is not a valid regular expression: ${(error as Error).message}`,
        });
      }
    }
  }
  for (const keyword of ['minLength', 'maxLength'] as const) {
    if (schema[keyword] === undefined) continue;
    if (!isString) issues.push({ path: at(keyword), message: `only string parameters have ${keyword}` });
    else if (!isNonNegativeInteger(schema[keyword]))
      issues.push({ path: at(keyword), message: 'must be a non-negative integer' });
  }
  if (
    isNonNegativeInteger(schema.minLength) &&
    isNonNegativeInteger(schema.maxLength) &&
    (schema.minLength as number) > (schema.maxLength as number)
  ) {
    issues.push({ path: at('minLength'), message: 'must not be greater than maxLength' });
  }
  for (const keyword of ['minimum', 'maximum'] as const) {
    if (schema[keyword] === undefined) continue;
    if (!isNumeric)
      issues.push({ path: at(keyword), message: `only number and integer parameters have ${keyword}` });
    else if (typeof schema[keyword] !== 'number' || !Number.isFinite(schema[keyword]))
      issues.push({ path: at(keyword), message: 'must be a number' });
  }
  if (
    typeof schema.minimum === 'number' &&
    typeof schema.maximum === 'number' &&
    schema.minimum > schema.maximum
  ) {
    issues.push({ path: at('minimum'), message: 'must not be greater than maximum' });
  }
  if (schema.examples !== undefined && !Array.isArray(schema.examples)) {
    issues.push({ path: at('examples'), message: 'must be an array' });
  }
}

/**
 * Every problem in an action's `parameters`: a JSON Schema object of scalar properties (string,
 * number, integer, boolean; enums; formats email, date, date-time and phone). `base` is the
 * pointer of the schema in the enclosing document.
 *
 * @example
 * collectParametersSchemaIssues({ type: 'object', properties: { Order: { type: 'text' } } });
 * // [{ path: '/properties/Order', ... }, { path: '/properties/Order/type', ... }]
 */
export function collectParametersSchemaIssues(input: unknown, base: string[] = []): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const at = (...tokens: string[]) => pointer(...base, ...tokens);
  if (!isRecord(input))
    return [{ path: at(), message: 'must be a JSON Schema object: {"type": "object", "properties": {...}}' }];
  for (const keyword of Object.keys(input)) {
    if (!ROOT_KEYWORDS.has(keyword))
      issues.push({ path: at(keyword), message: `unknown keyword "${keyword}"` });
  }
  if (input.type !== 'object') issues.push({ path: at('type'), message: 'must be "object"' });
  if (input.additionalProperties !== undefined && input.additionalProperties !== false) {
    issues.push({ path: at('additionalProperties'), message: 'may only be false' });
  }
  const properties = input.properties ?? {};
  if (!isRecord(properties)) {
    issues.push({
      path: at('properties'),
      message: 'must be an object mapping parameter names to their schemas',
    });
    return issues;
  }
  const names = Object.keys(properties);
  if (names.length > MAX_PARAMETERS) {
    issues.push({ path: at('properties'), message: `at most ${MAX_PARAMETERS} parameters` });
  }
  for (const name of names) checkProperty(name, properties[name], base, issues);
  if (input.required !== undefined) {
    if (!Array.isArray(input.required)) {
      issues.push({ path: at('required'), message: 'must be an array of parameter names' });
    } else {
      const seen = new Set<unknown>();
      input.required.forEach((name, index) => {
        if (typeof name !== 'string' || !Object.hasOwn(properties, name)) {
          issues.push({
            path: at('required', String(index)),
            message: `${JSON.stringify(name)} is not a declared parameter`,
          });
        } else if (seen.has(name)) {
          issues.push({ path: at('required', String(index)), message: `${name} is listed twice` });
        }
        seen.add(name);
      });
    }
  }
  return issues;
}
