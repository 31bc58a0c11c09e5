import type { ActionDefinition, ParameterSchema } from './action-definition.js';

/** A JSON Schema as a model sees it. */
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

/** A tool definition valid for OpenAI's strict structured outputs. */
export interface StrictToolDefinition extends ToolDefinition {
  strict: true;
}

/** `phone` is Toolgate's format, not JSON Schema's: models get a hint in words instead. */
const PHONE_HINT = 'Phone number; any common format, international (+country code) preferred.';

/** Keywords OpenAI strict mode accepts on a scalar; anything else is moved into the description. */
const STRICT_KEYWORDS = [
  'description',
  'enum',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
] as const;
const STRICT_FORMATS = new Set(['email', 'date', 'date-time']);

function withHint(description: string | undefined, hint: string): string {
  return description ? `${description} (${hint})` : hint;
}

function describeExamples(examples: unknown[] | undefined): string | undefined {
  if (!examples || examples.length === 0) return undefined;
  return `e.g. ${examples.map((example) => JSON.stringify(example)).join(', ')}`;
}

function toModelSchema(schema: ParameterSchema): ToolParameterSchema {
  const { format, ...rest } = schema;
  const copy: ToolParameterSchema = { ...rest };
  if (format === 'phone') copy.description = withHint(schema.description, PHONE_HINT);
  else if (format !== undefined) copy.format = format;
  return copy;
}

function toStrictSchema(schema: ParameterSchema, optional: boolean): ToolParameterSchema {
  const copy: ToolParameterSchema = { type: optional ? [schema.type, 'null'] : schema.type };
  for (const keyword of STRICT_KEYWORDS) {
    const value = schema[keyword];
    if (value === undefined) continue;
    if (keyword === 'format' && !STRICT_FORMATS.has(value as string)) continue;
    copy[keyword] = keyword === 'enum' && optional ? [...(value as unknown[]), null] : value;
  }
  let description = schema.description;
  if (schema.format === 'phone') description = withHint(description, PHONE_HINT);
  const examples = describeExamples(schema.examples);
  if (examples) description = withHint(description, examples);
  if (optional) description = withHint(description, 'null when not known');
  if (description !== undefined) copy.description = description;
  return copy;
}

/**
 * The tool a model is offered for an action: its name, its description and its parameters as
 * JSON Schema (closed with `additionalProperties: false`).
 *
 * @example
 * toToolDefinition(action);
 * // { name: 'check_order_status', description: '...', parameters: { type: 'object', properties: {...}, required: [...] } }
 */
export function toToolDefinition(action: ActionDefinition): ToolDefinition {
  const properties: Record<string, ToolParameterSchema> = {};
  for (const [name, schema] of Object.entries(action.parameters?.properties ?? {}))
    properties[name] = toModelSchema(schema);
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
 * nullable (a `null` answer means "not known"), only keywords strict mode supports, and examples
 * and the phone hint moved into descriptions.
 *
 * @example
 * toOpenAIStrictToolDefinition(action).parameters.properties.note; // { type: ['string', 'null'], ... }
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
    strict: true,
    parameters: {
      type: 'object',
      properties,
      required: Object.keys(properties),
      additionalProperties: false,
    },
  };
}
