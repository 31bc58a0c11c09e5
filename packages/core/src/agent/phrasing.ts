import type { ParameterSchema } from '../actions/action-definition.js';
import type { InvalidArgument, MissingArgument } from '../actions/validate-arguments.js';
import type { ActionFailure } from '../http/call/action-result.js';
import { humanize } from './humanize.js';
import { askForValue } from './questions.js';

/**
 * Words an action's label may start with that make it a task ("Check order status", "Book a
 * table"); a label that starts otherwise is a thing ("Order status", "Store hours").
 */
const TASK_VERBS = new Set(
  `add apply book buy cancel change check claim close confirm create delete file find get join list
  locate look make modify move open pay place post print redeem refund register remove renew reorder
  report request reschedule reserve reset return schedule search see send set show sign start stop
  submit subscribe track transfer unsubscribe update upgrade validate verify view`.split(/\s+/),
);

/**
 * How the agent says what an action does, as a verb phrase: "check order status" for a label
 * that is a task, "get the order status" for a thing.
 *
 * @example
 * taskOf('Order status'); // 'get the order status'
 * taskOf('Book a table'); // 'book a table'
 */
export function taskOf(label: string): string {
  const lowered = label.trim().replace(/\s+/g, ' ').toLowerCase();
  const first = lowered.split(' ')[0] ?? '';
  return TASK_VERBS.has(first) ? lowered : `get the ${lowered}`;
}

/**
 * The question for one missing parameter, as a person would ask it, with the parameter's
 * description as a hint when it is short.
 *
 * @example
 * askFor({ name: 'order_number', description: 'Like ORD-12345', schema: { type: 'string' } });
 * // 'What is the order number? (Like ORD-12345)'
 * askFor({ name: 'date', schema: { type: 'string', format: 'date' } }); // 'What date would you like?'
 */
export function askFor(missing: MissingArgument): string {
  const question = askForValue(missing.name, missing.schema);
  const hint = missing.description?.trim().replace(/\.$/, '');
  if (!hint || hint.length > 100 || isRestated(hint, question)) return question;
  return `${question} (${hint})`;
}

/** A hint that only repeats the question ("The date", "Your email") adds nothing. */
function isRestated(hint: string, question: string): boolean {
  const words = hint
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 2);
  const asked = question.toLowerCase();
  const stop = new Set(['the', 'your', 'customer', "customer's", 'for', 'and']);
  return words.filter((word) => !stop.has(word)).every((word) => asked.includes(word));
}

/** Asks again for a value that did not fit, saying why. */
export function askAgain(invalid: InvalidArgument): string {
  const label = invalid.name === '' ? 'details' : humanize(invalid.name);
  const given = typeof invalid.received === 'string' ? ` "${invalid.received}"` : '';
  return `The ${label}${given} doesn't look right: it ${invalid.message}. Could you check it?`;
}

function spoken(value: unknown, schema: ParameterSchema | undefined): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (schema?.enum && typeof value === 'string') return value.replaceAll('_', ' ');
  return String(value);
}

/** Reads the arguments back and asks for a yes before a call with side effects. */
export function readBack(
  label: string,
  args: Record<string, unknown>,
  schemas: Record<string, ParameterSchema> = {},
): string {
  const parts = Object.entries(args).map(
    ([name, value]) => `${humanize(name)}: ${spoken(value, schemas[name])}`,
  );
  const details = parts.length > 0 ? ` with ${parts.join(', ')}` : '';
  return `Just to confirm: I'll ${taskOf(label)}${details}. Shall I go ahead?`;
}

/** What the customer hears when a call fails and the operator set no failure message. */
export function politeFailure(label: string, failure: ActionFailure): string {
  const task = taskOf(label);
  if (failure.kind === 'timeout')
    return `Sorry, I couldn't ${task}: the system is taking too long to answer. Please try again in a moment.`;
  if (failure.expected) return `Sorry, I couldn't ${task}: ${failure.message}`;
  return `Sorry, I couldn't ${task} right now. Please try again later.`;
}
