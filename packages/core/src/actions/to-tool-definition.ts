import type { ActionDefinition, ParameterSchema } from './action-definition.js';

/** A JSON Schema for one parameter, as a model sees it. */
export type ToolParameterSchema = Record<string, unknown>;

/** What a model is told about one tool. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: {
    type: 'object';
    properties: Record<string, ToolParameterSchema>;
    required: string[];
    additionalProperties: false;
  };
}

/** A tool definition valid for OpenAI's strict mode (structured outputs for function calls). */
export interface StrictToolDefinition extends ToolDefinition {
  strict: true;
}

/** `phone` is Toolgate's format, not JSON Schema's: the model gets it in words instead. */
export const PHONE_FORMAT_HINT = 'Phone number; any common format, international (+country code) preferred.';
/** Strict mode makes every property required; a null answer stands for "not given". */
export const NULLABLE_HINT = 'Use null if the customer has not given it.';

/** Keywords copied for the model, in this order; every one the parameter subset allows. */
const KEYWORDS = [
  'description',
  'enum',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'examples',
] as const;
/** The formats OpenAI strict mode accepts among ours; `phone` is not one. */
const STRICT_FORMATS: ReadonlySet<string> = new Set(['email', 'date', 'date-time']);

/** Adds a sentence to a description, with a full stop between them when the first lacks one. */
function appendSentence(text: string | undefined, sentence: string): string {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return sentence;
  return `${trimmed}${/[.!?]$/.test(trimmed) ? '' : '.'} ${sentence}`;
}

function describeExamples(examples: readonly unknown[]): string {
  return `Example${examples.length === 1 ? '' : 's'}: ${examples.map((example) => JSON.stringify(example)).join(', ')}.`;
}

function toModelSchema(schema: ParameterSchema): ToolParameterSchema {
  const copy: ToolParameterSchema = { type: schema.type };
  for (const keyword of KEYWORDS) {
    const value = schema[keyword];
    if (value === undefined || (keyword === 'format' && value === 'phone')) continue;
    copy[keyword] = Array.isArray(value) ? [...value] : value;
  }
  if (schema.format === 'phone') copy.description = appendSentence(schema.description, PHONE_FORMAT_HINT);
  return copy;
}

function toStrictSchema(schema: ParameterSchema, nullable: boolean): ToolParameterSchema {
  const copy: ToolParameterSchema = { type: nullable ? [schema.type, 'null'] : schema.type };
  let description = schema.description;
  if (schema.format === 'phone') description = appendSentence(description, PHONE_FORMAT_HINT);
  if (schema.examples && schema.examples.length > 0)
    description = appendSentence(description, describeExamples(schema.examples));
  if (nullable) description = appendSentence(description, NULLABLE_HINT);
  if (description !== undefined) copy.description = description;
  if (schema.enum) copy.enum = nullable ? [...schema.enum, null] : [...schema.enum];
  if (schema.format !== undefined && STRICT_FORMATS.has(schema.format)) copy.format = schema.format;
  for (const keyword of ['pattern', 'minLength', 'maxLength', 'minimum', 'maximum'] as const) {
    if (schema[keyword] !== undefined) copy[keyword] = schema[keyword];
  }
  return copy;
}

/**
 * The tool a model is offered for an action: its name, description and parameters as a clean
 * JSON Schema (a copy holding only the supported keywords, closed with
 * `additionalProperties: false`). The `phone` format, which is not JSON Schema's, is dropped and
 * said in the description instead.
 *
 * @example
 * toToolDefinition(action);
 * // { name: 'check_order_status', description: 'Look up an order...',
 * //   parameters: { type: 'object', properties: { order_number: { type: 'string', ... } },
 * //                 required: ['order_number'], additionalProperties: false } }
 */
export function toToolDefinition(action: ActionDefinition): ToolDefinition {
  const properties: Record<string, ToolParameterSchema> = {};
  for (const [name, schema] of Object.entries(action.parameters?.properties ?? {})) {
    properties[name] = toModelSchema(schema);
  }
  return {
    name: action.name,
    description: action.description,
    parameters: {
      type: 'object',
      properties,
      required: [...(action.parameters?.required ?? [])],
      additionalProperties: false,
    },
  };
}

/**
 * The same tool for OpenAI strict mode: every property listed in `required`, optional ones made
 * nullable (`["string", "null"]`, and `null` added to an enum; the validator treats null as "not
 * given"), only the keywords strict mode accepts (type, description, enum, pattern, format for
 * email/date/date-time, minimum, maximum, minLength, maxLength), and what does not fit (examples,
 * the phone format) said in the description.
 *
 * @example
 * toOpenAIStrictToolDefinition(action).parameters.properties.note;
 * // { type: ['string', 'null'], description: 'Anything to add. Use null if the customer has not given it.' }
 */
export function toOpenAIStrictToolDefinition(action: ActionDefinition): StrictToolDefinition {
  const required = new Set(action.parameters?.required ?? []);
  const properties: Record<string, ToolParameterSchema> = {};
  for (const [name, schema] of Object.entries(action.parameters?.properties ?? {})) {
    properties[name] = toStrictSchema(schema, !required.has(name));
  }
  return {
    name: action.name,
    description: action.description,
    parameters: {
      type: 'object',
      properties,
      required: Object.keys(properties),
      additionalProperties: false,
    },
    strict: true,
  };
}
