import { regexCandidates, type SlotCandidate } from './slot-candidate.js';

/** Number words a customer types instead of digits. */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

/**
 * `3`, `3.5`, `1,200`, `.5`: not part of a word, an id (`ORD-123`), a time (`10:30`), a date
 * (`3/4`, `3rd`) or a longer number. No sign: `-3` is more often a range or a separator.
 */
const DIGITS =
  /(?<![\p{L}\p{N}_.,:/-]|[\p{L}\p{N}][.,])(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+|(?<=\d))(?![\p{L}\p{N}_:/]|[.,]\d|-[\p{L}\p{N}])/gu;

/**
 * A number word on its own; "one" not after a determiner and at most one more word, since "the
 * blue one" counts nothing.
 */
const WORDS = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?:(?<!\\b(?:the|this|that|which|any|each|every|no|some|another|other)\\s+(?:\\p{L}+\\s+)?)one|${Object.keys(
    NUMBER_WORDS,
  )
    .filter((word) => word !== 'one')
    .join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`,
  'giu',
);

/**
 * Every number in the text, written in digits (`3`, `3.5`, `1,200`) or as a word from zero to
 * twenty (`three`).
 *
 * @example
 * findNumbers('three adults and 2.5 kids'); // values 3 and 2.5, matched 'three' and '2.5'
 * findNumbers('ORD-123 at 10:30 on the 3rd'); // []
 */
export function findNumbers(text: string): SlotCandidate[] {
  const digits = regexCandidates(text, DIGITS, (match) => Number(match[0].replaceAll(',', '')), 'number');
  const words = regexCandidates(text, WORDS, (match) => NUMBER_WORDS[match[0].toLowerCase()], 'number');
  return [...digits, ...words].sort((a, b) => a.start - b.start);
}
