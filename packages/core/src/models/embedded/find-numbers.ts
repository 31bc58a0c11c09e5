import { CARDINAL_WORDS, ORDINALS, readCardinalWords, readOrdinal } from './number-words.js';
import { regexCandidates, type SlotCandidate } from './slot-candidate.js';

/**
 * `3`, `3.5`, `1,200`, `.5`: not part of a word, an id (`ORD-123`), a time (`10:30`), a date
 * (`3/4`, `3rd`) or a longer number. No sign: `-3` is more often a range or a separator.
 */
const DIGITS =
  /(?<![\p{L}\p{N}_.,:/-]|[\p{L}\p{N}][.,])(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+|(?<=\d))(?![\p{L}\p{N}_:/]|[.,]\d|-[\p{L}\p{N}])/gu;

/** "one" after a determiner and at most one more word: "the blue one" counts nothing. */
const PRONOUN_ONE = /\b(?:the|this|that|which|any|each|every|no|some|another|other)\s+(?:\p{L}+\s+)?$/iu;

function wordNumbers(text: string): SlotCandidate[] {
  return regexCandidates(
    text,
    CARDINAL_WORDS,
    (match) => {
      if (match[0].toLowerCase() === 'one' && PRONOUN_ONE.test(text.slice(0, match.index))) return undefined;
      return readCardinalWords(match[0]);
    },
    'number',
  );
}

/**
 * Every number in the text, written in digits (`3`, `3.5`, `1,200`) or in words (`three`,
 * `twenty-two`, `a dozen`, `half a dozen`, `a couple`, `two hundred and fifty`); with `ordinals`,
 * ordinals too (`third`, `3rd`: the answer to "which floor?").
 *
 * @example
 * findNumbers('three adults and 2.5 kids'); // values 3 and 2.5, matched 'three' and '2.5'
 * findNumbers('a dozen roses'); // value 12, matched 'a dozen'
 * findNumbers('ORD-123 at 10:30 on the 3rd'); // []
 * findNumbers('the 3rd floor', { ordinals: true }); // value 3
 */
export function findNumbers(text: string, options: { ordinals?: boolean } = {}): SlotCandidate[] {
  const digits = regexCandidates(text, DIGITS, (match) => Number(match[0].replaceAll(',', '')), 'number');
  const ordinals = options.ordinals
    ? regexCandidates(text, ORDINALS, (match) => readOrdinal(match[0]), 'number')
    : [];
  return [...digits, ...wordNumbers(text), ...ordinals].sort((a, b) => a.start - b.start);
}
