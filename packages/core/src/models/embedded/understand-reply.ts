import { findReplyPhrases } from '../../agent/reply-phrases.js';

/**
 * True when the reply holds nothing but reply words and punctuation ("Sure!", "no thanks", "not
 * sure"): no answer to record as a value.
 *
 * @example
 * isOnlyReplyWords('Okay, sure.'); // true
 * isOnlyReplyWords('Sure, Jane Doe'); // false
 */
export function isOnlyReplyWords(text: string): boolean {
  let rest = text;
  for (const phrase of findReplyPhrases(text).reverse()) {
    rest = `${rest.slice(0, phrase.start)} ${rest.slice(phrase.end)}`;
  }
  return !/[\p{L}\p{N}]/u.test(rest);
}

/**
 * Where the last correction phrase ends, or `undefined` without one: what follows it is what the
 * customer meant ("ORD-1, sorry I meant ORD-2").
 *
 * @example
 * correctionEnd('ORD-1, actually ORD-2'); // 15
 */
export function correctionEnd(text: string): number | undefined {
  const corrections = findReplyPhrases(text).filter((phrase) => phrase.category === 'correction');
  return corrections.at(-1)?.end;
}
