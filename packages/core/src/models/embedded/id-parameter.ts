import type { ParameterSchema } from '../../actions/action-definition.js';
import { descriptionWords, nameWords } from './parameter-name.js';

/** Last words of a name that make it an identifier: `order_id`, `tracking_number`, `promo_code`. */
const ID_NAME_ENDINGS: ReadonlySet<string> = new Set([
  'id',
  'number',
  'no',
  'num',
  'ref',
  'reference',
  'code',
  'sku',
  'tracking',
  'confirmation',
  'locator',
  'serial',
]);
/** Whole names that are identifiers on their own. */
const ID_NAMES: ReadonlySet<string> = new Set([
  'sku',
  'order',
  'ticket',
  'invoice',
  'booking',
  'reservation',
]);
/** Words that say a value is not an identifier even when the name ends like one. */
const NOT_ID_WORDS: ReadonlySet<string> = new Set([
  'phone',
  'mobile',
  'cell',
  'telephone',
  'tel',
  'fax',
  'count',
  'party',
  'guests',
  'people',
  'quantity',
  'items',
  'country',
  'currency',
  'language',
  'color',
  'colour',
]);
/** Phrases of a description that name an identifier: "the order number", "booking reference". */
const ID_DESCRIPTION = /\b(?:id|identifier|number|reference|ref|code|sku|tracking|confirmation)\b/i;

/**
 * True when a plain string parameter holds an identifier (an order number, a SKU, a tracking
 * number), by its name or its description: what such a value looks like can then be guessed even
 * without a `pattern` or `examples`.
 *
 * @example
 * isIdParameter('order_id', { type: 'string' }); // true
 * isIdParameter('order', { type: 'string', description: 'The order number' }); // true
 * isIdParameter('phone_number', { type: 'string' }); // false
 */
export function isIdParameter(name: string, schema: ParameterSchema): boolean {
  const words = nameWords(name);
  if (words.some((word) => NOT_ID_WORDS.has(word))) return false;
  const last = words.at(-1) ?? '';
  if (ID_NAME_ENDINGS.has(last) || ID_NAMES.has(words.join('_'))) return true;
  const described = descriptionWords(schema.description);
  if (described.some((word) => NOT_ID_WORDS.has(word))) return false;
  return ID_DESCRIPTION.test(schema.description ?? '');
}

/** Words before an example in prose: "like ORD-12345", "e.g. INV-2024-001", "format ABC-123". */
const HINT_CUE =
  /(?:\blike|\be\.?g\.?,?|\bi\.?e\.?,?|\bfor (?:example|instance)|\bsuch as|\bformat(?:ted)?(?: as| is| like)?|\bin the form(?: of)?|\bsomething like|\bexample)[:\s]+["'“‘(]?#?([A-Za-z0-9]+(?:[-_/.#][A-Za-z0-9]+)*)/giu;

/**
 * The example values a description shows in prose, when they have digits: "Order number, like
 * ORD-12345" gives `ORD-12345`. Words without digits ("like the one on the receipt") are no example.
 *
 * @example
 * hintedExamples('Invoice number (e.g. INV-2024-001)'); // ['INV-2024-001']
 * hintedExamples('Looks like a name'); // []
 */
export function hintedExamples(description: string | undefined): string[] {
  const found: string[] = [];
  for (const match of (description ?? '').matchAll(HINT_CUE)) {
    const token = match[1] ?? '';
    if (/\d/.test(token) && !found.includes(token)) found.push(token);
  }
  return found;
}
