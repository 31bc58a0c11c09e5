import { isOneTypoApart } from './damerau-levenshtein.js';
import { relatedStems } from './related-words.js';
import { tokenizeDetailed } from './tokenize.js';
import type { IntentIndex } from './types.js';

/**
 * How a message word relates to the index:
 * - `known`: some candidate contains its stem;
 * - `near`: no candidate does, but one contains a word one typo away or a related word;
 * - `unknown`: nothing matches (it dilutes every candidate's score a little);
 * - `ignored`: not known and contains a digit (an order number, a time): neutral.
 */
export type MessageTermKind = 'known' | 'near' | 'unknown' | 'ignored';

/** A distinct word of the message, prepared for scoring against every candidate. */
export interface MessageTerm {
  readonly word: string;
  readonly stem: string;
  readonly kind: MessageTermKind;
  /** Indexed stems one typo away (only for words that are not `known`). */
  readonly typoTargets: readonly string[];
  /** Indexed stems related to this one (see `related-words.ts`). */
  readonly relatedTargets: readonly string[];
  /** The IDF a full match of this word is worth: its own, else the best of its targets. */
  readonly referenceIdf: number;
}

function findTypoTargets(index: IntentIndex, word: string, stemmed: string): string[] {
  const targets: string[] = [];
  for (const [candidateStem, words] of index.surfaces) {
    if (isOneTypoApart(stemmed, candidateStem) || words.some((written) => isOneTypoApart(word, written))) {
      targets.push(candidateStem);
    }
  }
  return targets;
}

function describeTerm(index: IntentIndex, word: string, stemmed: string): MessageTerm {
  const relatedTargets = relatedStems(stemmed).filter((target) => index.idf.has(target));
  const ownIdf = index.idf.get(stemmed);
  if (ownIdf !== undefined) {
    return { word, stem: stemmed, kind: 'known', typoTargets: [], relatedTargets, referenceIdf: ownIdf };
  }
  if (/\p{N}/u.test(stemmed)) {
    return { word, stem: stemmed, kind: 'ignored', typoTargets: [], relatedTargets: [], referenceIdf: 0 };
  }
  const typoTargets = findTypoTargets(index, word, stemmed);
  const targets = [...typoTargets, ...relatedTargets];
  const referenceIdf = Math.max(0, ...targets.map((target) => index.idf.get(target) ?? 0));
  const kind = targets.length > 0 ? 'near' : 'unknown';
  return { word, stem: stemmed, kind, typoTargets, relatedTargets, referenceIdf };
}

/**
 * Tokenizes a message and describes each distinct stem (first spelling wins) against the index.
 *
 * @example
 * const index = buildIntentIndex([{ name: 'check_order_status', description: 'Order status' }]);
 * messageTerms(index, 'stauts of ordr 42').map((term) => term.kind);
 * // ['near', 'unknown', 'ignored']
 */
export function messageTerms(index: IntentIndex, message: string): MessageTerm[] {
  const seen = new Set<string>();
  const terms: MessageTerm[] = [];
  for (const token of tokenizeDetailed(message)) {
    if (seen.has(token.stem)) continue;
    seen.add(token.stem);
    terms.push(describeTerm(index, token.word, token.stem));
  }
  return terms;
}
