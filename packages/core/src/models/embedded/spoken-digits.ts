import type { TextSpan } from './slot-candidate.js';

/**
 * Runs of digits as people say them: "two one two, five five five, oh one nine nine", "double
 * five", digits and digit words mixed ("212 five five five 0199").
 */

const DIGIT_WORDS: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  o: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const REPEATS: Readonly<Record<string, number>> = { double: 2, triple: 3 };
const DIGIT_WORD = Object.keys(DIGIT_WORDS).join('|');
/** One piece of a run, as a pattern: digits, a digit word, or "double"/"triple" and one. */
export const DIGIT_PIECE = `(?:\\d+|(?:(?:double|triple)\\s+)?(?:${DIGIT_WORD}))`;
const PIECE = new RegExp(`(?<![\\p{L}\\p{N}])${DIGIT_PIECE}(?![\\p{L}\\p{N}])`, 'giu');
/** What may stand between two pieces of one run. */
const GAP = /^[\s,.-]*$/;

/**
 * One piece of said digits and where it is.
 *
 * @example
 * const piece: DigitPiece = { start: 0, end: 11, digits: '55', word: true }; // "double five"
 */
export interface DigitPiece extends TextSpan {
  digits: string;
  /** Said in words ("five"), not typed as digits. */
  word: boolean;
}

/**
 * The digits one piece stands for.
 *
 * @example
 * pieceDigits('double five'); // '55'
 * pieceDigits('oh'); // '0'
 */
export function pieceDigits(piece: string): string {
  const [first = '', second] = piece.toLowerCase().split(/\s+/);
  if (second !== undefined) return (DIGIT_WORDS[second] ?? '').repeat(REPEATS[first] ?? 1);
  return DIGIT_WORDS[first] ?? first;
}

/**
 * Every run of digit pieces in the text (pieces apart only by spaces, commas, dots or dashes)
 * with at least one said in words: runs typed wholly in digits are left to other readers. "oh"
 * and "o" are zero only inside a run of two pieces or more.
 *
 * @example
 * findSpokenDigitRuns('call two one two five five five zero one nine nine').map((run) => run.map((piece) => piece.digits).join(''));
 * // ['2125550199']
 */
export function findSpokenDigitRuns(text: string): DigitPiece[][] {
  const runs: DigitPiece[][] = [];
  let run: DigitPiece[] = [];
  const close = () => {
    const zeroWordAlone = run.length === 1 && /^o(?:h)?$/i.test(text.slice(run[0]?.start, run[0]?.end));
    if (run.some((piece) => piece.word) && !zeroWordAlone) runs.push(run);
    run = [];
  };
  for (const match of text.matchAll(PIECE)) {
    const piece = {
      start: match.index,
      end: match.index + match[0].length,
      digits: pieceDigits(match[0]),
      word: /\p{L}/u.test(match[0]),
    };
    const previous = run.at(-1);
    if (previous && !GAP.test(text.slice(previous.end, piece.start))) close();
    run.push(piece);
  }
  close();
  return runs;
}

/**
 * The digits of a run of pieces, joined.
 *
 * @example
 * digitsOfRun([{ start: 0, end: 3, digits: '2', word: true }, { start: 4, end: 7, digits: '12', word: false }]); // '212'
 */
export function digitsOfRun(run: readonly DigitPiece[]): string {
  return run.map((piece) => piece.digits).join('');
}
