import type { CountryCode } from 'libphonenumber-js';
import type { ParameterSchema } from './action-definition.js';
import { normalizeDate, normalizeDateTime } from './normalize-date.js';
import { normalizePhone } from './normalize-phone.js';

/** How values are read: all three are resolved by the caller, nothing is defaulted here. */
export interface NormalizeArgumentOptions {
  defaultRegion: CountryCode;
  referenceDate: Date;
  timezone: string;
}

/** A value ready for schema validation, or a reason it cannot be read that says more than the schema could. */
export type NormalizedArgument = { ok: true; value: unknown } | { ok: false; message: string };

/** A plain decimal number: `42`, `-3.5`, `1e3`. Not `0x10`, `Infinity` or `''`, which `Number()` also reads. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function toNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!DECIMAL.test(trimmed)) return value;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : value;
}

function toBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  return word === 'true' ? true : word === 'false' ? false : value;
}

function toText(
  value: unknown,
  schema: ParameterSchema,
  options: NormalizeArgumentOptions,
): NormalizedArgument {
  // An order number the model sent as 12345 is the text "12345"; booleans and objects stay wrong.
  const raw = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof raw !== 'string') return { ok: true, value: raw };
  const text = raw.trim();
  const reference = { referenceDate: options.referenceDate, timezone: options.timezone };
  switch (schema.format) {
    case 'phone':
      return { ok: true, value: normalizePhone(text, options.defaultRegion) ?? text };
    case 'date':
      return { ok: true, value: normalizeDate(text, reference) ?? text };
    case 'date-time': {
      const dateTime = normalizeDateTime(text, reference);
      if (dateTime !== undefined) return { ok: true, value: dateTime };
      if (normalizeDate(text, reference) !== undefined) {
        return {
          ok: false,
          message: 'must include a time of day as well as the date (e.g. 2026-03-25T15:00:00Z)',
        };
      }
      return { ok: true, value: text };
    }
    default:
      return { ok: true, value: text };
  }
}

/**
 * Brings one argument into the form its schema describes, before validation: text trimmed;
 * phones to E.164 and dates to ISO 8601 (read in the customer's region and time zone); `"42"` to
 * 42 for numbers and integers; `"true"`/`"false"` (any case) to booleans; a number to its text for
 * a string. Anything it cannot read is returned unchanged for validation to report, except a
 * date-time given as a date alone, which gets its own message. Deliberately stricter than Ajv's
 * `coerceTypes`, which turns `true` into 1, `"0x10"` into 16 and `"Infinity"` into a number JSON
 * cannot carry.
 *
 * @example
 * normalizeArgument('(415) 555-0132', { type: 'string', format: 'phone' }, options); // { ok: true, value: '+14155550132' }
 * normalizeArgument(' 42 ', { type: 'integer' }, options); // { ok: true, value: 42 }
 */
export function normalizeArgument(
  value: unknown,
  schema: ParameterSchema,
  options: NormalizeArgumentOptions,
): NormalizedArgument {
  switch (schema.type) {
    case 'string':
      return toText(value, schema, options);
    case 'number':
    case 'integer':
      return { ok: true, value: toNumber(value) };
    case 'boolean':
      return { ok: true, value: toBoolean(value) };
    default:
      return { ok: true, value };
  }
}
