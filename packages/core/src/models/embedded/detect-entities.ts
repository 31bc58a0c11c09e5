import { findDateSpans } from './find-dates.js';
import { findEmails } from './find-emails.js';
import { findPhones } from './find-phones.js';
import type { IntentEntityKind } from './intent/index.js';

/** Letters, an optional dash, then digits: the usual shape of order and ticket numbers. */
const ORDER_ID = /(?<![\p{L}\p{N}])\p{L}{2,6}-?\d{3,}(?![\p{L}\p{N}])/u;
const DIGITS = /(?<![\p{L}\p{N}])\d{3,}(?![\p{L}\p{N}])/u;

/**
 * Which kinds of value a message mentions (an email, a phone number, a date, a string of digits,
 * an order-like id): entity triggers make actions that declare them more likely.
 *
 * @example
 * detectEntities('my order ORD-12345, email me at a@b.co', { referenceDate: new Date(), defaultRegion: 'US' });
 * // ['email', 'digits', 'order_id']
 */
export function detectEntities(
  text: string,
  options: { referenceDate: Date; defaultRegion: string },
): IntentEntityKind[] {
  const found: IntentEntityKind[] = [];
  if (findEmails(text).length > 0) found.push('email');
  if (findPhones(text, options.defaultRegion).length > 0) found.push('phone');
  if (findDateSpans(text, options.referenceDate).length > 0) found.push('date');
  if (DIGITS.test(text) || ORDER_ID.test(text)) found.push('digits');
  if (ORDER_ID.test(text)) found.push('order_id');
  return found;
}
