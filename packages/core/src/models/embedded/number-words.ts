/**
 * Numbers said in words: "four", "twenty-two", "a dozen", "half a dozen", "a couple", "two
 * hundred and fifty", and ordinals ("third", "twenty-first", "3rd").
 */

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINAL_UNITS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const ORDINAL_TENS: Readonly<Record<string, number>> = { twentieth: 20, thirtieth: 30 };

const UNIT = UNITS.join('|');
const DIGIT_WORD = UNITS.slice(1, 10).join('|');
const TEN = Object.keys(TENS).join('|');
const BELOW_HUNDRED = `(?:${TEN})(?:[-\\s]+(?:${DIGIT_WORD}))?|${UNIT}`;
const WORD_START = '(?<![\\p{L}\\p{N}-])';
const WORD_END = '(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])';

/** A cardinal number in words, from "zero" to "nine hundred and ninety-nine", dozens and couples. */
export const CARDINAL_WORDS = new RegExp(
  `${WORD_START}(?:half\\s+a\\s+dozen|(?:a|${BELOW_HUNDRED})\\s+dozen|a\\s+couple|(?:a|${UNIT})\\s+hundred(?:\\s+(?:and\\s+)?(?:${BELOW_HUNDRED}))?|${BELOW_HUNDRED})${WORD_END}`,
  'giu',
);

/** An ordinal in words or digits: "third", "twenty-first", "3rd", "22nd". */
export const ORDINALS = new RegExp(
  `${WORD_START}(?:(?:${TEN})[-\\s]+(?:${ORDINAL_UNITS.slice(1, 10).join('|')})|${ORDINAL_UNITS.slice(1).join('|')}|${Object.keys(ORDINAL_TENS).join('|')}|\\d+(?:st|nd|rd|th))${WORD_END}`,
  'giu',
);

/**
 * The value of a cardinal phrase {@link CARDINAL_WORDS} matches, `undefined` for anything else.
 *
 * @example
 * readCardinalWords('twenty-two'); // 22
 * readCardinalWords('half a dozen'); // 6
 * readCardinalWords('a couple'); // 2
 */
export function readCardinalWords(phrase: string): number | undefined {
  const words = phrase.toLowerCase().split(/[-\s]+/);
  if (words.join(' ') === 'half a dozen') return 6;
  if (words.length === 2 && words[0] === 'a' && words[1] === 'couple') return 2;
  let total = 0;
  let seen = false;
  for (const word of words) {
    const unit = UNITS.indexOf(word);
    if (word === 'and') continue;
    if (word === 'a') total += 1;
    else if (unit >= 0) total += unit;
    else if (TENS[word] !== undefined) total += TENS[word];
    else if (word === 'hundred') total = (total || 1) * 100;
    else if (word === 'dozen') total = (total || 1) * 12;
    else return undefined;
    seen = true;
  }
  return seen ? total : undefined;
}

/**
 * The value of an ordinal {@link ORDINALS} matches, `undefined` for anything else.
 *
 * @example
 * readOrdinal('twenty-first'); // 21
 * readOrdinal('3rd'); // 3
 */
export function readOrdinal(phrase: string): number | undefined {
  const lower = phrase.toLowerCase();
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(lower);
  if (digits) return Number(digits[1]);
  const [first = '', second] = lower.split(/[-\s]+/);
  if (second !== undefined) {
    const unit = ORDINAL_UNITS.indexOf(second);
    return TENS[first] !== undefined && unit > 0 ? TENS[first] + unit : undefined;
  }
  const unit = ORDINAL_UNITS.indexOf(first);
  if (unit > 0) return unit;
  return ORDINAL_TENS[first];
}
