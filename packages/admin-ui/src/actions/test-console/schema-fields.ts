import { jsonPointer } from '../../api/field-errors';
import { isRecord } from '../json-values';

/**
 * The test console's parameter form, generated from a saved action's parameter schema: one
 * field per parameter, with the control that fits its type and format.
 */

export type ValueType = 'string' | 'number' | 'integer' | 'boolean';

export interface TestField {
  name: string;
  /** The pointer of the server's 422 issues for this parameter: `/parameters/<name>`. */
  pointer: string;
  valueType: ValueType;
  /** `select` for enums and yes/no; otherwise an input of this type. */
  control: 'text' | 'email' | 'tel' | 'select';
  /** The on-screen keyboard for numbers. */
  inputMode?: 'decimal' | 'numeric';
  required: boolean;
  description?: string;
  /** What the format expects, shown under the field. */
  hint?: string;
  placeholder?: string;
  /** The choices of a select, as shown and as sent. */
  options?: { label: string; value: string | number | boolean }[];
}

const FORMAT_HINTS: Record<string, { control: TestField['control']; hint: string }> = {
  email: { control: 'email', hint: 'An email address.' },
  phone: {
    control: 'tel',
    hint: 'A phone number; without a country code the server assumes its default region.',
  },
  date: { control: 'text', hint: 'A date: 2025-03-25, or words like "tomorrow" (the server normalizes it).' },
  'date-time': {
    control: 'text',
    hint: 'A date and a time: 2025-03-25T15:00:00+01:00, or words like "tomorrow at 3pm".',
  },
};

function valueTypeOf(type: unknown): ValueType {
  return type === 'number' || type === 'integer' || type === 'boolean' ? type : 'string';
}

function fieldOf(name: string, schema: Record<string, unknown>, required: boolean): TestField {
  const valueType = valueTypeOf(schema.type);
  const field: TestField = {
    name,
    pointer: jsonPointer('parameters', name),
    valueType,
    control: 'text',
    required,
  };
  if (typeof schema.description === 'string' && schema.description !== '')
    field.description = schema.description;
  const example = Array.isArray(schema.examples) ? schema.examples[0] : undefined;
  if (typeof example === 'string' || typeof example === 'number') field.placeholder = `e.g. ${example}`;
  const format = typeof schema.format === 'string' ? FORMAT_HINTS[schema.format] : undefined;
  if (format) {
    field.control = format.control;
    field.hint = format.hint;
  }
  if (valueType === 'number') field.inputMode = 'decimal';
  if (valueType === 'integer') field.inputMode = 'numeric';
  if (valueType === 'boolean') {
    field.control = 'select';
    field.options = [
      { label: 'Yes (true)', value: true },
      { label: 'No (false)', value: false },
    ];
  } else if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    field.control = 'select';
    field.options = schema.enum
      .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number')
      .map((value) => ({ label: String(value), value }));
  }
  return field;
}

/**
 * One field per parameter, in the schema's order; required ones marked. A schema of another shape
 * gives no fields (the server only stores valid ones).
 *
 * @example
 * schemaFields({ type: 'object', properties: { when: { type: 'string', format: 'date' } }, required: ['when'] });
 * // [{ name: 'when', pointer: '/parameters/when', valueType: 'string', control: 'text', required: true, hint: 'A date: ...' }]
 */
export function schemaFields(schema: unknown): TestField[] {
  if (!isRecord(schema) || !isRecord(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(schema.properties).map(([name, property]) =>
    fieldOf(name, isRecord(property) ? property : {}, required.has(name)),
  );
}

/**
 * The `parameters` of a test from what was typed (select values are option indexes). Empty
 * fields are left out, so the server reports a missing required one; a number that does not
 * parse is sent as typed, so the server says what is wrong with it.
 *
 * @example
 * testParameters([{ name: 'count', valueType: 'integer', ... }], { count: '3' }); // { count: 3 }
 */
export function testParameters(
  fields: readonly TestField[],
  values: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.name] ?? '';
    if (raw.trim() === '') continue;
    if (field.options) {
      const option = field.options[Number(raw)];
      if (option !== undefined) parameters[field.name] = option.value;
      continue;
    }
    if (field.valueType === 'number' || field.valueType === 'integer') {
      const value = Number(raw.trim());
      parameters[field.name] = Number.isFinite(value) ? value : raw;
      continue;
    }
    parameters[field.name] = raw;
  }
  return parameters;
}

/**
 * What to type into the fields to test again with the same parameters (the execution log's "open
 * in test console"). A select's value may also be the text of its option's value (`"true"`, `"2"`).
 */
export function fieldValues(
  fields: readonly TestField[],
  parameters: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = parameters[field.name];
    if (value === undefined || value === null) continue;
    if (field.options) {
      // A value read back from a query string is text: "true" picks the yes option, "2" the 2.
      let index = field.options.findIndex((option) => option.value === value);
      if (index < 0 && typeof value === 'string') {
        index = field.options.findIndex((option) => String(option.value) === value);
      }
      if (index >= 0) values[field.name] = String(index);
    } else {
      values[field.name] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  return values;
}
