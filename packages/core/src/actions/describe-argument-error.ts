import type { ErrorObject } from 'ajv';
import type { ParameterSchema } from './action-definition.js';

const TYPE_MESSAGES: Record<string, string> = {
  string: 'must be text',
  number: 'must be a number',
  integer: 'must be a whole number',
  boolean: 'must be true or false',
};

const FORMAT_MESSAGES: Record<string, string> = {
  email: 'must be an email address',
  phone: 'must be a phone number (e.g. +14155550123)',
  date: 'must be a date (e.g. 2026-03-25)',
  'date-time': 'must be a date and time (e.g. 2026-03-25T15:00:00Z)',
};

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Turns one Ajv error about an argument into plain English an agent can relay or turn into a
 * question; `schema` is the parameter's schema, for the allowed values and examples.
 *
 * @example
 * describeArgumentError({ keyword: 'enum', ... }, { type: 'string', enum: ['standard', 'express'] });
 * // 'must be one of: standard, express'
 */
export function describeArgumentError(error: ErrorObject, schema: ParameterSchema | undefined): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return TYPE_MESSAGES[String(params.type)] ?? `must be of type ${String(params.type)}`;
    case 'enum':
      return `must be one of: ${(schema?.enum ?? []).join(', ')}`;
    case 'format':
      return FORMAT_MESSAGES[String(params.format)] ?? `must be in ${String(params.format)} format`;
    case 'pattern': {
      const example = schema?.examples?.[0];
      return example === undefined
        ? `must match the pattern ${String(params.pattern)}`
        : `must look like ${JSON.stringify(example)}`;
    }
    case 'minLength':
      return `must be at least ${plural(Number(params.limit), 'character')}`;
    case 'maxLength':
      return `must be at most ${plural(Number(params.limit), 'character')}`;
    case 'minimum':
      return `must be at least ${String(params.limit)}`;
    case 'maximum':
      return `must be at most ${String(params.limit)}`;
    default:
      return error.message ?? 'is not valid';
  }
}
