import type { SlotCandidate, SlotKind, TextSpan } from './slot-candidate.js';
import { DIGIT_PIECE, pieceDigits } from './spoken-digits.js';

/**
 * Ids spelled out, as callers read them to a voice agent: "o r d one two three four five", "A as
 * in apple, nine nine eight one two".
 */

/** A letter said alone or "as in" a word, or a piece of digits. */
const ELEMENT = new RegExp(
  `(?<![\\p{L}\\p{N}'’])(?:(?<letter>[A-Za-z])(?:\\s+(?:as\\s+in|for)\\s+(?<word>[A-Za-z]+))?|(?<digits>${DIGIT_PIECE}))(?![\\p{L}\\p{N}])`,
  'giu',
);
const GAP = /^[\s,.-]*$/;

/**
 * One spelled token: where it was said and what it spells, letters in upper case.
 *
 * @example
 * const token: SpelledToken = { start: 0, end: 29, token: 'ORD12345' };
 */
export interface SpelledToken extends TextSpan {
  token: string;
}

interface Element extends TextSpan {
  text: string;
  letter: boolean;
  /** "A as in apple": a letter said on purpose, never the word "a". */
  spelled: boolean;
}

function elementsOf(text: string): Element[] {
  return [...text.matchAll(ELEMENT)].map((match) => {
    const { letter, word, digits } = match.groups ?? {};
    const start = match.index;
    const end = start + match[0].length;
    if (digits !== undefined) return { start, end, text: pieceDigits(digits), letter: false, spelled: false };
    const spelled = word !== undefined && word[0]?.toLowerCase() === letter?.toLowerCase();
    return { start, end, text: (letter ?? '').toUpperCase(), letter: true, spelled };
  });
}

/** A run is a token when it has letters and digits, and its letters are not just the words "a" and "I". */
function isToken(text: string, run: readonly Element[]): boolean {
  const letters = run.filter((element) => element.letter);
  const digits = run
    .filter((element) => !element.letter)
    .map((element) => element.text)
    .join('');
  const onlyWords = letters.every(
    (element) => !element.spelled && /^[ai]$/i.test(text.slice(element.start, element.end)),
  );
  const length = run.map((element) => element.text).join('').length;
  return run.length >= 3 && length >= 4 && letters.length > 0 && digits.length >= 2 && !onlyWords;
}

/**
 * Every token spelled letter by letter and digit by digit in the text ("o r d one two three four
 * five" is `ORD12345`): three pieces or more, four characters or more, letters and at least two
 * digits among them.
 * A letter "as in" a word counts when the word starts with it.
 *
 * @example
 * findSpelledTokens('the order is o r d one two three four five');
 * // [{ start: 13, end: 42, token: 'ORD12345' }]
 */
export function findSpelledTokens(text: string): SpelledToken[] {
  const tokens: SpelledToken[] = [];
  let run: Element[] = [];
  const close = () => {
    const first = run[0];
    const last = run.at(-1);
    if (first && last && isToken(text, run)) {
      tokens.push({ start: first.start, end: last.end, token: run.map((element) => element.text).join('') });
    }
    run = [];
  };
  for (const element of elementsOf(text)) {
    const previous = run.at(-1);
    if (previous && !GAP.test(text.slice(previous.end, element.start))) close();
    run.push(element);
  }
  close();
  return tokens;
}

/**
 * How a spelled token may be written: as spelled, and with a dash or space between a letter
 * prefix and its digits (`ORD12345`, `ORD-12345`, `ORD 12345`), for a shape to accept.
 *
 * @example
 * writtenVariants('ORD12345'); // ['ORD12345', 'ORD-12345', 'ORD 12345']
 */
export function writtenVariants(token: string): string[] {
  const prefixed = /^([A-Z]+)(\d+)$/.exec(token);
  return prefixed ? [token, `${prefixed[1]}-${prefixed[2]}`, `${prefixed[1]} ${prefixed[2]}`] : [token];
}

/**
 * Candidates for the tokens spelled in the text that `accept` takes (it returns the value to
 * write, or `undefined`), trying each written variant in turn.
 *
 * @example
 * spelledCandidates('o r d one two three four five', (token) => (token === 'ORD-12345' ? token : undefined), 'pattern');
 * // [{ value: 'ORD-12345', matched: 'o r d one two three four five', start: 0, end: 29, kind: 'pattern' }]
 */
export function spelledCandidates(
  text: string,
  accept: (token: string) => string | undefined,
  kind: SlotKind,
): SlotCandidate[] {
  return findSpelledTokens(text).flatMap(({ start, end, token }) => {
    const value = writtenVariants(token)
      .map(accept)
      .find((accepted) => accepted !== undefined);
    return value === undefined ? [] : [{ value, matched: text.slice(start, end), start, end, kind }];
  });
}
