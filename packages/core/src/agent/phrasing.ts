import type { ParameterSchema } from '../actions/action-definition.js';
import type { InvalidArgument, MissingArgument } from '../actions/validate-arguments.js';
import type { ActionFailure } from '../http/call/action-result.js';

/** `order_number` -> `order number`. */
export function humanize(name: string): string {
  return name
    .replaceAll('_', ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

function noun(name: string, schema: ParameterSchema): string {
  if (schema.format === 'email') return 'email address';
  if (schema.format === 'phone') return 'phone number';
  return humanize(name);
}

/**
 * The question for one missing parameter, built from its name and description.
 *
 * @example
 * askFor({ name: 'order_number', description: 'Like ORD-12345', schema: { type: 'string' } });
 * // 'What is the order number? (Like ORD-12345)'
 */
export function askFor(missing: MissingArgument): string {
  const { schema } = missing;
  let question: string;
  if (schema.format === 'date') question = `What date should I use for the ${humanize(missing.name)}?`;
  else if (schema.format === 'date-time')
    question = `What date and time should I use for the ${humanize(missing.name)}?`;
  else if (schema.enum)
    question = `Which ${humanize(missing.name)} would you like: ${schema.enum.join(', ')}?`;
  else if (schema.type === 'boolean') question = `Should I set ${humanize(missing.name)}: yes or no?`;
  else question = `What is the ${noun(missing.name, schema)}?`;
  const hint = missing.description?.trim();
  return hint ? `${question} (${hint.replace(/\.$/, '')})` : question;
}

/** Asks again for a value that did not fit, saying why. */
export function askAgain(invalid: InvalidArgument): string {
  const label = invalid.name === '' ? 'details' : humanize(invalid.name);
  const given = typeof invalid.received === 'string' ? ` "${invalid.received}"` : '';
  return `The ${label}${given} doesn't look right: it ${invalid.message}. Could you check it?`;
}

/** Reads the arguments back and asks for a yes before a call with side effects. */
export function readBack(label: string, args: Record<string, unknown>): string {
  const parts = Object.entries(args).map(([name, value]) => `${humanize(name)}: ${String(value)}`);
  const details = parts.length > 0 ? ` with ${parts.join(', ')}` : '';
  return `Just to confirm: I'll ${label.toLowerCase()}${details}. Shall I go ahead?`;
}

/** What the customer hears when a call fails and the operator set no failure message. */
export function politeFailure(label: string, failure: ActionFailure): string {
  if (failure.kind === 'timeout')
    return `Sorry, ${label.toLowerCase()} is taking too long to answer right now. Please try again in a moment.`;
  if (failure.expected) return `Sorry, I couldn't ${label.toLowerCase()}: ${failure.message}`;
  return `Sorry, I couldn't ${label.toLowerCase()} right now. Please try again later.`;
}
