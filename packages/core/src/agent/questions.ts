import type { ParameterSchema } from '../actions/action-definition.js';
import { humanize } from './humanize.js';

/** Parameters that are the customer's own: "What is your email address?". */
const OWN =
  /^(?:(?:customer|contact|your|my|guest|client|user)_)?(?:name|first_name|last_name|full_name|email|email_address|phone|phone_number|mobile|address|zip|zip_code|postal_code|postcode)$/;
/** Counts asked as "How many ...?". */
const COUNTED =
  /^(?:guests|people|persons|adults|children|kids|tickets|seats|items|units|rooms|nights|copies)$/;

function orList(values: readonly unknown[]): string {
  const words = values.map((value) => String(value).replaceAll('_', ' '));
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** "date" and "appointment_date" say what they are; "departure" needs "for the departure". */
function whenQuestion(what: 'date' | 'time' | 'date and time', name: string): string {
  const words = humanize(name);
  if (
    words === 'date' ||
    words === 'time' ||
    words === 'datetime' ||
    words === 'date time' ||
    words === 'when'
  )
    return `What ${what} would you like?`;
  if (/\b(?:date|time|day)\b/.test(words)) return `What ${words} would you like?`;
  return `What ${what} would you like for the ${words}?`;
}

function thing(name: string, schema: ParameterSchema): string {
  if (schema.format === 'email')
    return name === 'email' || OWN.test(name) ? 'your email address' : `the ${humanize(name)}`;
  if (schema.format === 'phone')
    return OWN.test(name) || /phone|mobile/.test(name) ? 'your phone number' : `the ${humanize(name)}`;
  const words = humanize(name);
  if (OWN.test(name)) return `your ${words.replace(/^(?:customer|contact|your|my|guest|client|user) /, '')}`;
  return `the ${words}`;
}

/**
 * The question for one value, from the parameter's name and type, as a person asks it: "What
 * date would you like?", "Which carrier would you like: usps, ups or fedex?", "How many guests?",
 * "What is your email address?", "What is the SKU?".
 */
export function askForValue(name: string, schema: ParameterSchema): string {
  const lower = name.toLowerCase();
  if (schema.format === 'date') return whenQuestion('date', lower);
  if (schema.format === 'date-time') return whenQuestion('date and time', lower);
  const format: string | undefined = schema.format;
  if (format === 'time' || (schema.type === 'string' && !format && /(?:^|_)time$/.test(lower)))
    return whenQuestion('time', lower);
  if (schema.enum) return `Which ${humanize(lower)} would you like: ${orList(schema.enum)}?`;
  if (schema.type === 'boolean')
    return `Would you like ${humanize(lower).replace(/^(?:is|wants?|has) /, '')}? (yes or no)`;
  if (schema.type === 'integer' || schema.type === 'number') {
    if (/^(?:quantity|qty|count|amount_of_items)$/.test(lower)) return 'How many would you like?';
    if (lower.startsWith('number_of_')) return `How many ${humanize(lower.slice('number_of_'.length))}?`;
    if (COUNTED.test(lower)) return `How many ${humanize(lower)}?`;
    if (lower === 'party_size' || lower === 'group_size') return 'How many people will there be?';
  }
  return `What is ${thing(lower, schema)}?`;
}
