import {
  PARAMETER_FORMATS,
  type ParameterFormat,
  type ParameterSchema,
  type ParameterType,
} from '../actions/action-definition.js';
import { patternProblem } from '../actions/safe-pattern.js';
import { MAX_PARAMETER_DESCRIPTION_LENGTH } from '../actions/validate-parameters-schema.js';
import { isRecord } from '../is-record.js';

type Json = Record<string, unknown>;

/** Why a schema cannot be one parameter; `kind` lets callers word the reason. */
export interface SchemaProblem {
  kind: 'array' | 'object' | 'file' | 'unsupported';
  message: string;
}

export type ConvertedSchema =
  | { ok: true; schema: ParameterSchema; warnings: string[] }
  | { ok: false; problem: SchemaProblem };

/** Examples are hints for the model; a few are enough. */
const MAX_EXAMPLES = 5;
const SCALAR_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean']);
const FORMATS: ReadonlySet<string> = new Set(PARAMETER_FORMATS);

/** `allOf` merged into one schema (the usual way documents add a description to a `$ref`). */
export function flattenSchema(schema: Json): Json {
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...rest } = schema;
  let merged: Json = {};
  let properties: Json = {};
  let required: unknown[] = [];
  for (const part of [...(allOf as unknown[]), rest]) {
    if (!isRecord(part)) continue;
    const flat = flattenSchema(part);
    merged = { ...merged, ...flat };
    if (isRecord(flat.properties)) properties = { ...properties, ...flat.properties };
    if (Array.isArray(flat.required)) required = [...required, ...flat.required];
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.length > 0) merged.required = [...new Set(required)];
  return merged;
}

/** A `oneOf`/`anyOf` of one real variant and `null` is that variant. */
function collapseAlternatives(schema: Json): Json | undefined {
  const alternatives = (schema.oneOf ?? schema.anyOf) as unknown;
  if (!Array.isArray(alternatives)) return schema;
  const variants = alternatives.filter((variant) => isRecord(variant) && variant.type !== 'null') as Json[];
  // "one value or a list of them" (`to: string | string[]`): one value is always accepted.
  const scalars = variants.filter((variant) => SCALAR_TYPES.has(String(schemaType(flattenSchema(variant)))));
  const onlyListsBesides = variants.every(
    (variant) => scalars.includes(variant) || schemaType(variant) === 'array',
  );
  const chosen =
    variants.length === 1 ? variants[0] : scalars.length === 1 && onlyListsBesides ? scalars[0] : undefined;
  if (chosen === undefined) return undefined;
  const { oneOf: _oneOf, anyOf: _anyOf, ...rest } = schema;
  return { ...rest, ...flattenSchema(chosen) };
}

/** The schema's type: 3.1 lists (`["string", "null"]`) lose their null; a missing type is guessed. */
export function schemaType(schema: Json): string | undefined {
  const declared = Array.isArray(schema.type)
    ? schema.type.filter((type) => type !== 'null')
    : typeof schema.type === 'string'
      ? [schema.type]
      : [];
  if (declared.length === 1) return declared[0] as string;
  if (declared.length > 1) return 'mixed';
  if (isRecord(schema.properties) || isRecord(schema.additionalProperties)) return 'object';
  if (schema.items !== undefined) return 'array';
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const kinds = new Set(schema.enum.filter((value) => value !== null).map((value) => typeof value));
    if (kinds.size === 1 && kinds.has('string')) return 'string';
    if (kinds.size === 1 && kinds.has('number')) return 'number';
  }
  return undefined;
}

function fitsType(value: unknown, type: ParameterType): value is string | number | boolean {
  if (type === 'integer') return Number.isInteger(value);
  return typeof value === type;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function nonNegativeInteger(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

/**
 * One OpenAPI schema as one action parameter: type (3.1 null unions collapsed, `allOf` merged),
 * description, enum, format (email, date, date-time; others dropped), pattern when it runs under
 * RE2, length and range bounds, examples. Arrays, objects and files are refused with their kind,
 * so the caller can say "nested" or "array" or "file upload".
 */
export function convertSchema(
  input: Json,
  extra: { description?: string; examples?: unknown[] } = {},
): ConvertedSchema {
  const collapsed = collapseAlternatives(flattenSchema(input));
  if (!collapsed) {
    return { ok: false, problem: { kind: 'unsupported', message: 'is a oneOf/anyOf of several shapes' } };
  }
  const schema = collapsed;
  const type = schemaType(schema);
  if (type === 'file' || (type === 'string' && (schema.format === 'binary' || schema.contentMediaType))) {
    return { ok: false, problem: { kind: 'file', message: 'is a file upload' } };
  }
  if (type === 'array') return { ok: false, problem: { kind: 'array', message: 'is an array' } };
  if (type === 'object') return { ok: false, problem: { kind: 'object', message: 'is a nested object' } };
  if (type === undefined || !SCALAR_TYPES.has(type)) {
    const what =
      type === undefined ? 'has no type' : type === 'mixed' ? 'has several types' : `has type ${type}`;
    return { ok: false, problem: { kind: 'unsupported', message: what } };
  }
  const parameterType = type as ParameterType;
  const warnings: string[] = [];
  const result: ParameterSchema = { type: parameterType };
  const description =
    extra.description ?? (typeof schema.description === 'string' ? schema.description.trim() : '');
  if (description !== '') result.description = clip(description, MAX_PARAMETER_DESCRIPTION_LENGTH);
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter((value) => value !== null);
    if (
      values.length > 0 &&
      values.every((value) => fitsType(value, parameterType) && typeof value !== 'boolean')
    ) {
      result.enum = values as Array<string | number>;
    } else if (values.length > 0) warnings.push('its enum was left out (values of another type)');
  }
  if (parameterType === 'string' && typeof schema.format === 'string' && FORMATS.has(schema.format)) {
    result.format = schema.format as ParameterFormat;
  }
  if (parameterType === 'string' && typeof schema.pattern === 'string') {
    const problem = patternProblem(schema.pattern);
    if (problem === undefined) result.pattern = schema.pattern;
    else warnings.push(`its pattern was left out (${problem})`);
  }
  if (parameterType === 'string') {
    if (nonNegativeInteger(schema.minLength)) result.minLength = schema.minLength;
    if (nonNegativeInteger(schema.maxLength)) result.maxLength = schema.maxLength;
  }
  if (parameterType === 'number' || parameterType === 'integer') {
    if (typeof schema.minimum === 'number') result.minimum = schema.minimum;
    if (typeof schema.maximum === 'number') result.maximum = schema.maximum;
  }
  const candidates = [
    ...(extra.examples ?? []),
    ...(schema.example === undefined ? [] : [schema.example]),
    ...(Array.isArray(schema.examples) ? schema.examples : []),
  ];
  const examples = [...new Set(candidates.filter((value) => fitsType(value, parameterType)))];
  if (examples.length > 0) result.examples = examples.slice(0, MAX_EXAMPLES);
  return { ok: true, schema: result, warnings };
}
