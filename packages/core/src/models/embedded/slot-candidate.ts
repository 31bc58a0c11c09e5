/**
 * What every slot finder returns: a value read from one stretch of the customer's text, with
 * where it was found, so that one stretch is never read twice (an email is not also an order id).
 */

/**
 * A stretch of text as UTF-16 offsets: `start` inclusive, `end` exclusive.
 *
 * @example
 * const span: TextSpan = { start: 6, end: 11 }; // 'world' in 'hello world'
 */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * How a value was recognised; `ambiguous` marks each of several different values for one parameter.
 *
 * @example
 * const kind: SlotKind = 'enum-synonym'; // 'fast' read as the enum value 'express'
 */
export type SlotKind =
  | 'email'
  | 'phone'
  | 'date'
  | 'date-time'
  | 'time'
  | 'pattern'
  | 'example-shape'
  | 'id'
  | 'enum'
  | 'enum-synonym'
  | 'number'
  | 'boolean'
  | 'person-name'
  | 'organization'
  | 'free-text'
  | 'ambiguous';

/**
 * One possible value for a parameter and the text it came from.
 *
 * @example
 * const candidate: SlotCandidate = { value: 'ORD-7', matched: 'ord-7', start: 9, end: 14, kind: 'pattern' };
 */
export interface SlotCandidate extends TextSpan {
  value: unknown;
  /** The text exactly as the customer wrote it. */
  matched: string;
  kind: SlotKind;
}

/**
 * Before a token: not glued to a letter, digit or underscore, nor to a word by a hyphen or an
 * apostrophe (`12345` is not a token of `ORD-12345`, `s` not one of `it's`). Needs the `u` flag.
 *
 * @example
 * new RegExp(`${TOKEN_START}\\d+${TOKEN_END}`, 'gu').exec('ORD-12 or 34')?.[0]; // '34'
 */
export const TOKEN_START = "(?<![\\p{L}\\p{N}_]|[\\p{L}\\p{N}][-'’])";
/**
 * After a token: the mirror of {@link TOKEN_START}. A sentence's final `-` or `.` is fine.
 *
 * @example
 * new RegExp(`\\d+${TOKEN_END}`, 'u').test('12-A'); // false
 */
export const TOKEN_END = "(?![\\p{L}\\p{N}_]|[-'’][\\p{L}\\p{N}])";

/**
 * True when two spans share at least one character.
 *
 * @example
 * spansOverlap({ start: 0, end: 5 }, { start: 4, end: 9 }); // true
 * spansOverlap({ start: 0, end: 5 }, { start: 5, end: 9 }); // false
 */
export function spansOverlap(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * True when `span` shares a character with any of `spans`.
 *
 * @example
 * overlapsAny({ start: 2, end: 3 }, [{ start: 0, end: 5 }]); // true
 */
export function overlapsAny(span: TextSpan, spans: readonly TextSpan[]): boolean {
  return spans.some((other) => spansOverlap(span, other));
}

/**
 * Drops candidates lying wholly inside a longer one, so "express plus" is not also "express".
 *
 * @example
 * withoutContained([
 *   { start: 0, end: 12, value: 'express_plus', matched: 'express plus', kind: 'enum' },
 *   { start: 0, end: 7, value: 'express', matched: 'express', kind: 'enum' },
 * ]); // only the first
 */
export function withoutContained(candidates: readonly SlotCandidate[]): SlotCandidate[] {
  return candidates.filter(
    (candidate) =>
      !candidates.some(
        (other) =>
          other !== candidate &&
          other.start <= candidate.start &&
          other.end >= candidate.end &&
          other.end - other.start > candidate.end - candidate.start,
      ),
  );
}

/**
 * Runs a global regular expression over `text` and turns each non-empty match into a candidate;
 * `toValue` returns `undefined` to skip a match.
 *
 * @example
 * regexCandidates('a 12 b', /\d+/g, (match) => Number(match[0]), 'number');
 * // [{ value: 12, matched: '12', start: 2, end: 4, kind: 'number' }]
 */
export function regexCandidates(
  text: string,
  regex: RegExp,
  toValue: (match: RegExpExecArray) => unknown,
  kind: SlotKind,
): SlotCandidate[] {
  const candidates: SlotCandidate[] = [];
  for (const match of text.matchAll(regex)) {
    const matched = match[0];
    if (matched.length === 0) continue;
    const value = toValue(match as RegExpExecArray);
    if (value === undefined) continue;
    candidates.push({ value, matched, start: match.index, end: match.index + matched.length, kind });
  }
  return candidates;
}

/**
 * `text` as a regular expression matching exactly it, valid with the `u` flag (which refuses
 * `\-` outside a class, so a hyphen stays as it is).
 *
 * @example
 * escapeRegExp('a.b-c'); // 'a\\.b-c'
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The text with each span's characters replaced by spaces, so that offsets stay the same and a
 * finder does not read what another parameter took.
 *
 * @example
 * blankOut('Friday at 7pm', [{ start: 10, end: 13 }]); // 'Friday at    '
 */
export function blankOut(text: string, spans: readonly TextSpan[]): string {
  let blanked = text;
  for (const { start, end } of spans) {
    blanked = blanked.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + blanked.slice(end);
  }
  return blanked;
}
