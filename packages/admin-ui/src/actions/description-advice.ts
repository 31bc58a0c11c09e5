/**
 * Guidance on an action's description, which the model reads to decide when to call the action.
 * Hints only: the server takes any description up to its limit.
 */
export const MAX_DESCRIPTION_LENGTH = 1024;

export const SPECIFIC_EXAMPLE =
  'Looks up the shipping status of one order by its order number (like ORD-12345). Use it when a customer asks where their order is or when it will arrive.';
export const VAGUE_EXAMPLE = 'Order API.';

const VAGUE_WORDS = /\b(stuff|things|various|misc|etc|handles?|manages?|deals? with|general)\b/i;
const GENERIC_START = /^(an? |the )?(api|webhook|endpoint|tool|function|service|integration)\b/i;
const USE_WHEN = /\b(when|if|whenever|use (it|this))\b/i;

/**
 * What could make the description more specific; empty when it looks specific enough (or is
 * empty: the field's own message says it is required).
 *
 * @example
 * descriptionAdvice('Order API.');
 * // ['It is short: say what the action does, for which request, and what it needs.', ...]
 */
export function descriptionAdvice(description: string): string[] {
  const text = description.trim();
  if (text === '') return [];
  const advice: string[] = [];
  if (text.length < 40)
    advice.push('It is short: say what the action does, for which request, and what it needs.');
  if (GENERIC_START.test(text)) {
    advice.push('Name the task, not the kind of endpoint: "Looks up an order\'s status", not "Order API".');
  }
  if (VAGUE_WORDS.test(text)) {
    advice.push(
      'Words like "handles", "manages" or "various" leave the model guessing: name the exact task.',
    );
  }
  if (!USE_WHEN.test(text))
    advice.push('Say when to use it, e.g. "Use it when a customer asks where their order is."');
  if (text.length > MAX_DESCRIPTION_LENGTH) {
    advice.push(`It is too long: at most ${MAX_DESCRIPTION_LENGTH} characters (it has ${text.length}).`);
  }
  return advice;
}
