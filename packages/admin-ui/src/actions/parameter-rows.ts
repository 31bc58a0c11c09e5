import { isRecord } from './json-values';

/**
 * The parameters of an action as rows (name, type, description, required, allowed values) and
 * as the JSON Schema the server takes (docs/architecture/action-model.md, "Parameters"). The two
 * convert into each other; a schema the rows cannot show is reported, never cut down.
 */

/** What the type column offers: the four JSON types, and string formats as types of their own. */
export type ParameterKind =
  | 'text'
  | 'email'
  | 'phone'
  | 'date'
  | 'date-time'
  | 'number'
  | 'integer'
  | 'boolean';

export const PARAMETER_KINDS: readonly { kind: ParameterKind; label: string }[] = [
  { kind: 'text', label: 'Text' },
  { kind: 'number', label: 'Number' },
  { kind: 'integer', label: 'Whole number' },
  { kind: 'boolean', label: 'Yes / no' },
  { kind: 'email', label: 'Email address' },
  { kind: 'phone', label: 'Phone number' },
  { kind: 'date', label: 'Date' },
  { kind: 'date-time', label: 'Date and time' },
];

const FORMAT_KINDS: ReadonlySet<string> = new Set(['email', 'phone', 'date', 'date-time']);
const TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean']);

/** Keywords the rows edit. */
const EDITED = new Set(['type', 'format', 'description', 'enum']);
/** Keywords the server takes that the rows keep as they are (edited on the JSON Schema tab). */
const KEPT = new Set(['pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'examples']);
const ROOT = new Set(['type', 'properties', 'required', 'additionalProperties']);

export interface ParameterRow {
  /** Identifies the row while it is edited; not part of the schema. */
  key: string;
  name: string;
  kind: ParameterKind;
  description: string;
  required: boolean;
  /** Allowed values, one per line, as typed; empty for any value. */
  allowed: string;
  /** Keywords the rows do not edit but keep (pattern, minLength, ..., examples). */
  kept: Record<string, unknown>;
}

/** The rows and the schema-level setting they do not show. */
export interface ParameterRows {
  rows: ParameterRow[];
  /** `additionalProperties: false` was in the schema (the server closes it anyway). */
  closed: boolean;
}

export interface SchemaProblem {
  /** A JSON pointer into the schema. */
  path: string;
  message: string;
}

/** The schema as the server takes it. */
export interface ParametersJson {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
  additionalProperties?: false;
}

export function emptyRow(key: string): ParameterRow {
  return { key, name: '', kind: 'text', description: '', required: false, allowed: '', kept: {} };
}

/** A row nobody typed anything into: left out of the schema. */
export function isBlankRow(row: ParameterRow): boolean {
  return (
    row.name.trim() === '' &&
    row.description.trim() === '' &&
    row.allowed.trim() === '' &&
    Object.keys(row.kept).length === 0
  );
}

function typeOf(kind: ParameterKind): { type: string; format?: string } {
  if (kind === 'text') return { type: 'string' };
  if (FORMAT_KINDS.has(kind)) return { type: 'string', format: kind };
  return { type: kind };
}

/** An allowed value as the schema holds it; a number that does not parse stays text (the server says so). */
function allowedValue(text: string, kind: ParameterKind): string | number {
  if (kind !== 'number' && kind !== 'integer') return text;
  const value = Number(text);
  return text !== '' && Number.isFinite(value) ? value : text;
}

export function allowedValues(row: ParameterRow): (string | number)[] {
  return row.allowed
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => allowedValue(line, row.kind));
}

/**
 * The JSON Schema of the rows, in their order; blank rows are left out. `undefined` when there
 * are no parameters.
 *
 * @example
 * rowsToSchema({ closed: false, rows: [{ ...emptyRow('a'), name: 'day', kind: 'date', required: true }] });
 * // { type: 'object', properties: { day: { type: 'string', format: 'date' } }, required: ['day'] }
 */
export function rowsToSchema({ rows, closed }: ParameterRows): ParametersJson | undefined {
  const used = rows.filter((row) => !isBlankRow(row));
  if (used.length === 0 && !closed) return undefined;
  const properties: ParametersJson['properties'] = {};
  const required: string[] = [];
  for (const row of used) {
    const name = row.name.trim();
    const property: Record<string, unknown> = { ...typeOf(row.kind) };
    if (row.description.trim() !== '') property.description = row.description;
    const values = allowedValues(row);
    if (values.length > 0 && row.kind !== 'boolean') property.enum = values;
    properties[name] = { ...property, ...row.kept };
    if (row.required) required.push(name);
  }
  const schema: ParametersJson = { type: 'object', properties };
  if (required.length > 0) schema.required = required;
  if (closed) schema.additionalProperties = false;
  return schema;
}

function kindOf(property: Record<string, unknown>, at: string, problems: SchemaProblem[]): ParameterKind {
  const { type, format } = property;
  if (typeof type !== 'string' || !TYPES.has(type)) {
    problems.push({
      path: `${at}/type`,
      message: 'the rows take string, number, integer or boolean parameters only',
    });
    return 'text';
  }
  if (format === undefined) return type === 'string' ? 'text' : (type as ParameterKind);
  if (type !== 'string' || typeof format !== 'string' || !FORMAT_KINDS.has(format)) {
    problems.push({
      path: `${at}/format`,
      message: 'the rows take email, phone, date or date-time on text only',
    });
    return 'text';
  }
  return format as ParameterKind;
}

function allowedText(
  property: Record<string, unknown>,
  kind: ParameterKind,
  at: string,
  problems: SchemaProblem[],
) {
  const values = property.enum;
  if (values === undefined) return '';
  const numeric = kind === 'number' || kind === 'integer';
  const fits = (value: unknown) =>
    numeric
      ? typeof value === 'number' && Number.isFinite(value)
      : typeof value === 'string' && value.trim() === value && value !== '' && !value.includes('\n');
  if (kind === 'boolean' || !Array.isArray(values) || values.length === 0 || !values.every(fits)) {
    problems.push({
      path: `${at}/enum`,
      message: numeric
        ? 'the rows take a list of numbers as allowed values'
        : 'the rows take a list of non-empty, one-line texts without surrounding spaces as allowed values',
    });
    return '';
  }
  return values.map(String).join('\n');
}

function propertyRow(
  name: string,
  property: unknown,
  required: boolean,
  key: string,
  problems: SchemaProblem[],
): ParameterRow {
  const at = `/properties/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  const row: ParameterRow = { ...emptyRow(key), name, required };
  if (!isRecord(property)) {
    problems.push({ path: at, message: 'must be an object describing one parameter' });
    return row;
  }
  for (const keyword of Object.keys(property)) {
    if (KEPT.has(keyword)) row.kept[keyword] = property[keyword];
    else if (!EDITED.has(keyword)) {
      problems.push({ path: `${at}/${keyword}`, message: `the rows cannot show "${keyword}"` });
    }
  }
  row.kind = kindOf(property, at, problems);
  if (property.description !== undefined) {
    if (typeof property.description === 'string') row.description = property.description;
    else problems.push({ path: `${at}/description`, message: 'must be text' });
  }
  row.allowed = allowedText(property, row.kind, at, problems);
  return row;
}

function requiredNames(
  schema: Record<string, unknown>,
  names: string[],
  problems: SchemaProblem[],
): Set<string> {
  const { required } = schema;
  if (required === undefined) return new Set();
  if (!Array.isArray(required)) {
    problems.push({ path: '/required', message: 'must be a list of parameter names' });
    return new Set();
  }
  required.forEach((name: unknown, index) => {
    if (typeof name !== 'string' || !names.includes(name)) {
      problems.push({ path: `/required/${index}`, message: 'does not name a parameter of the rows' });
    }
  });
  return new Set(required.filter((name): name is string => typeof name === 'string'));
}

/**
 * The rows of a schema, or every part of it the rows cannot show (nested objects, arrays, unknown
 * keywords, a required name that is not a parameter...), so the JSON Schema tab keeps it as it is.
 *
 * @example
 * schemaToRows({ type: 'object', properties: { items: { type: 'array' } } });
 * // { ok: false, problems: [{ path: '/properties/items/type', message: 'the rows take ...' }] }
 */
export function schemaToRows(
  schema: unknown,
  makeKey: (index: number) => string = (index) => `parameter-${index}`,
): { ok: true; value: ParameterRows } | { ok: false; problems: SchemaProblem[] } {
  if (!isRecord(schema)) {
    return {
      ok: false,
      problems: [{ path: '', message: 'must be a JSON Schema object: {"type": "object", ...}' }],
    };
  }
  const problems: SchemaProblem[] = [];
  for (const keyword of Object.keys(schema)) {
    if (!ROOT.has(keyword))
      problems.push({ path: `/${keyword}`, message: `the rows cannot show "${keyword}"` });
  }
  if (schema.type !== 'object') problems.push({ path: '/type', message: 'must be "object"' });
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
    problems.push({ path: '/additionalProperties', message: 'may only be false' });
  }
  const properties = schema.properties ?? {};
  if (!isRecord(properties)) {
    problems.push({ path: '/properties', message: 'must be an object of parameters' });
    return { ok: false, problems };
  }
  const names = Object.keys(properties);
  const required = requiredNames(schema, names, problems);
  const rows = names.map((name, index) =>
    propertyRow(name, properties[name], required.has(name), makeKey(index), problems),
  );
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { rows, closed: schema.additionalProperties === false } };
}

/** Names used by more than one row: the schema, an object, could keep only one of them. */
export function duplicateNames(rows: readonly ParameterRow[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const name of rows.filter((row) => !isBlankRow(row)).map((row) => row.name.trim())) {
    if (seen.has(name)) repeated.add(name);
    seen.add(name);
  }
  return [...repeated];
}

/** The parameter names the rows declare, in order (for trigger settings and the URL). */
export function rowNames(rows: readonly ParameterRow[]): string[] {
  return rows.map((row) => row.name.trim()).filter((name) => name !== '');
}
