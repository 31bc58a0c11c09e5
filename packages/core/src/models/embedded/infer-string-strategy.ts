import type { ParameterSchema } from '../../actions/action-definition.js';
import { isOrganizationParameter } from './find-organizations.js';
import { matchesPattern } from './find-pattern-tokens.js';
import { nameWords } from './parameter-name.js';
import { personNamePart } from './person-name.js';
import type { SlotStrategy } from './slot-strategy.js';
import { isTimeParameter, timeStyleOf } from './time-parameter.js';

const PHONE_WORDS: ReadonlySet<string> = new Set([
  'phone',
  'mobile',
  'cell',
  'telephone',
  'tel',
  'cellphone',
]);

/**
 * What a plain string parameter (no format, enum or pattern) holds, read from its name and
 * description: a time of day (`time`, `start_time`), a phone number (`phone_number`, `mobile`), an
 * email (`email_address`), a date (`start_date`, `dob`), a date and time (`date_time`), a
 * person's name (`name`, `customer_name`, `first_name`), a company (`company_name`); `undefined`
 * when the name says none.
 * Identifiers are told apart after the examples are looked at (see `chooseSlotStrategy`).
 *
 * @example
 * inferStringStrategy('appointment_time', { type: 'string' }); // 'time'
 * inferStringStrategy('mobile_number', { type: 'string' }); // 'phone'
 * inferStringStrategy('notes', { type: 'string' }); // undefined
 */
export function inferStringStrategy(name: string, schema: ParameterSchema): SlotStrategy | undefined {
  const words = nameWords(name);
  if (words.includes('datetime') || (words.includes('date') && words.includes('time'))) return 'date-time';
  if (isTimeParameter(name, schema)) return 'time';
  if (words.some((word) => PHONE_WORDS.has(word))) return 'phone';
  if (words.includes('email') || /e[-_]mail/i.test(name)) return 'email';
  if (words.at(-1) === 'date' || words.join('_') === 'dob' || words.at(-1) === 'birthday') return 'date';
  if (personNamePart(name, schema) !== undefined) return 'person-name';
  if (isOrganizationParameter(name)) return 'organization';
  return undefined;
}

/** Values each guessed strategy writes, to try against an operator's `pattern`. */
const SAMPLES: Partial<Record<SlotStrategy, string[]>> = {
  phone: ['+12125550199'],
  email: ['dana.stone@example.com'],
  date: ['2027-04-09'],
  'date-time': ['2027-04-09T19:30:00-04:00'],
  'person-name': ['Dana', 'Dana Reyes'],
  organization: ['Blue Finch Labs'],
};

/**
 * True when what the strategy writes passes the parameter's `pattern` (or there is none): a time
 * field with `^([01][0-9]|2[0-3]):[0-5][0-9]$` is still read as a time ("7pm" -> `19:00`), a name
 * field with `^[A-Z]+$` is not read as a name.
 *
 * @example
 * patternAccepts('time', { type: 'string', pattern: '^\\d{2}:\\d{2}$' }); // true
 * patternAccepts('date', { type: 'string', pattern: '^\\d{2}/\\d{2}$' }); // false
 */
export function patternAccepts(strategy: SlotStrategy, schema: ParameterSchema): boolean {
  const { pattern } = schema;
  if (pattern === undefined) return true;
  if (strategy === 'time') return timeStyleOf(schema) !== undefined;
  const samples = SAMPLES[strategy];
  return samples?.some((sample) => matchesPattern(sample, pattern)) === true;
}
