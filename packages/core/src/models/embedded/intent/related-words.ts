import { stem } from './stem.js';

/**
 * Small groups of words customers use for the same request, in plain English. Within a group,
 * each word hints at every other one ("where is my order" hints at "status" and "tracking").
 * Kept short and generic: a related word only counts at half weight, and only when the action
 * does not contain the customer's own word.
 */
export const RELATED_WORD_GROUPS: ReadonlyArray<readonly string[]> = [
  ['where', 'track', 'status', 'location', 'arrive', 'arrival', 'eta', 'happening', 'progress', 'update'],
  ['cancel', 'terminate', 'abort', 'revoke'],
  ['book', 'reserve', 'reservation', 'schedule', 'appointment'],
  ['table', 'dinner', 'lunch', 'restaurant', 'seat', 'reservation'],
  ['refund', 'reimburse', 'reimbursement', 'money', 'return', 'compensation'],
  ['change', 'modify', 'update', 'edit', 'amend'],
  ['reschedule', 'move', 'postpone', 'push', 'rebook', 'shift'],
  ['price', 'cost', 'quote', 'fee', 'pricing'],
  ['invoice', 'bill', 'receipt'],
  ['phone', 'call', 'callback'],
  ['email', 'mail'],
  ['stock', 'available', 'availability', 'inventory', 'restock', 'sold'],
  ['promotion', 'promo', 'coupon', 'discount', 'deal', 'sale', 'offer', 'voucher'],
  ['hours', 'open', 'opening', 'close', 'closing', 'closed'],
  ['ticket', 'support', 'problem', 'issue', 'broken', 'bug', 'error', 'crash'],
  ['newsletter', 'subscribe', 'mailing', 'signup', 'updates'],
  ['lead', 'demo', 'sales', 'callback', 'contact', 'pricing', 'trial'],
  ['shipment', 'parcel', 'package', 'delivery', 'shipping', 'courier', 'carrier'],
  ['haircut', 'hair', 'trim', 'salon', 'manicure', 'nails', 'colour', 'color', 'beard'],
];

function buildRelatedStems(groups: ReadonlyArray<readonly string[]>): ReadonlyMap<string, readonly string[]> {
  const related = new Map<string, Set<string>>();
  for (const group of groups) {
    const stems = group.map(stem);
    for (const from of stems) {
      const targets = related.get(from) ?? new Set<string>();
      for (const to of stems) if (to !== from) targets.add(to);
      related.set(from, targets);
    }
  }
  return new Map([...related].map(([from, targets]) => [from, [...targets]]));
}

const RELATED_STEMS = buildRelatedStems(RELATED_WORD_GROUPS);

/**
 * The stems related to a stem (never the stem itself), or an empty list.
 *
 * @example
 * relatedStems('wher'); // ['track', 'status', 'locat', 'arriv', 'arrival', 'eta']
 * relatedStems('pizza'); // []
 */
export function relatedStems(stemmed: string): readonly string[] {
  return RELATED_STEMS.get(stemmed) ?? [];
}

/**
 * Question words that name the request as surely as its own word: "where is my parcel" asks for
 * its status or tracking. These relations count as an exact match, not at half weight.
 */
const STRONG_RELATIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [stem('where'), new Set(['status', 'track', 'location'].map(stem))],
]);

/**
 * Whether a message word names a related stem as surely as the stem itself.
 *
 * @example
 * isStrongRelation('wher', 'status'); // true
 */
export function isStrongRelation(from: string, to: string): boolean {
  return STRONG_RELATIONS.get(from)?.has(to) ?? false;
}
