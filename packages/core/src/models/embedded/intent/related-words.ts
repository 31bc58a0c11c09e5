import { stem } from './stem.js';

/**
 * Small groups of words customers use for the same request, in plain English. Within a group,
 * each word hints at every other one ("where is my order" hints at "status" and "tracking").
 * Kept short and generic: a related word only counts at half weight, and only when the action
 * does not contain the customer's own word.
 */
export const RELATED_WORD_GROUPS: ReadonlyArray<readonly string[]> = [
  ['where', 'track', 'status', 'location', 'arrive', 'arrival', 'eta'],
  ['cancel', 'terminate', 'abort', 'revoke'],
  ['book', 'reserve', 'schedule', 'appointment'],
  ['refund', 'reimburse'],
  ['change', 'modify', 'update', 'edit', 'amend'],
  ['price', 'cost', 'quote', 'fee'],
  ['invoice', 'bill', 'receipt'],
  ['phone', 'call'],
  ['email', 'mail'],
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
