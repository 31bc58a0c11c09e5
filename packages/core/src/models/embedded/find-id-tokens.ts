import type { ParameterSchema } from '../../actions/action-definition.js';
import { deriveExampleShape, type ExampleShape, findShapedTokens } from './derive-example-shape.js';
import { hintedExamples } from './id-parameter.js';
import {
  overlapsAny,
  regexCandidates,
  type SlotCandidate,
  type TextSpan,
  TOKEN_END,
  TOKEN_START,
} from './slot-candidate.js';
import { spelledCandidates } from './spelled-tokens.js';

/** Letters and digits, joined by inner `-`, `_` or `/`: `A-99812`, `1Z999AA1`, `INV-2024-001`. */
const ID_TOKEN = new RegExp(`${TOKEN_START}[\\p{L}\\p{N}]+(?:[-_/][\\p{L}\\p{N}]+)*${TOKEN_END}`, 'gu');
/** Digits with a unit, ordinal, time or size after or before them: `3pm`, `2nd`, `5kg`, `4x4`, `x2`. */
const NOT_AN_ID =
  /^(?:\d+(?:st|nd|rd|th|am|pm|a|p|k|m|b|x|s|h|hr|hrs|min|mins|sec|kg|g|lb|lbs|oz|km|mi|cm|mm|m2|ml|l|gb|mb|tb|kb|ft|yo|yrs|usd|eur)|x\d+|\d+x\d+)$/i;

/** A currency sign just before a token: `$1200` is an amount. */
const AMOUNT = /[$€£¥]\s*$/u;

/**
 * True when the token looks like an identifier rather than a word, a quantity or a measure:
 * digits and letters mixed (`A-99812`, `AB12`: at least two digits, or a separator), digits in
 * dashed groups of five digits or more (`2024-001`, not the range `10-12`), or four digits or
 * more (`5512`). Units, ordinals and times (`5kg`,
 * `3rd`, `7pm`) are not ids.
 *
 * @example
 * looksLikeId('A-99812'); // true
 * looksLikeId('3pm'); // false
 * looksLikeId('123'); // false
 */
export function looksLikeId(token: string): boolean {
  const digits = token.replace(/\D/g, '').length;
  const letters = token.replace(/[^\p{L}]/gu, '').length;
  const separated = /[-_/]/.test(token);
  if (digits === 0 || token.length < 3 || token.length > 40) return false;
  if (letters === 0) return /^\d+$/.test(token) ? digits >= 4 : /^\d+(?:-\d+)+$/.test(token) && digits >= 5;
  if (NOT_AN_ID.test(token)) return false;
  return digits >= 2 || separated;
}

/**
 * Every token of the text that looks like an identifier ({@link looksLikeId}), written in upper
 * case when `upperCase` (the operator's examples are), else as typed.
 *
 * @example
 * findIdTokens('Can you look up a-99812 for me?', true); // [{ value: 'A-99812', matched: 'a-99812', ... }]
 */
export function findIdTokens(text: string, upperCase = false): SlotCandidate[] {
  return regexCandidates(
    text,
    ID_TOKEN,
    (match) => {
      const token = match[0];
      if (!looksLikeId(token) || AMOUNT.test(text.slice(0, match.index))) return undefined;
      return upperCase ? token.toUpperCase() : token;
    },
    'id',
  );
}

/**
 * The possible values of an identifier parameter without a `pattern` or `examples`: tokens shaped
 * like the examples its description (or else the action's description) shows in prose ("like
 * ORD-12345"); when none is there, any token that looks like an id, in upper case if those
 * examples are. Tokens inside `reserved` (dates, phone numbers, emails) are skipped.
 *
 * @example
 * findIdValues('look up ord 77', { type: 'string', description: 'like ORD-12345' }, '', []); // value 'ORD-77'
 * findIdValues('look up A-99812', { type: 'string' }, '', []); // value 'A-99812'
 */
export function findIdValues(
  text: string,
  schema: ParameterSchema,
  actionDescription: string,
  reserved: readonly TextSpan[],
): SlotCandidate[] {
  const own = hintedExamples(schema.description);
  const hints = own.length > 0 ? own : hintedExamples(actionDescription);
  const shape = deriveExampleShape(hints);
  const free = (candidates: SlotCandidate[]) =>
    candidates.filter((candidate) => !overlapsAny(candidate, reserved));
  const shaped = shape ? free([...findShapedTokens(text, shape), ...spelledInShape(text, shape)]) : [];
  if (shaped.length > 0) return shaped;
  const letters = hints.join('').replace(/[^A-Za-z]/g, '');
  const typed = findIdTokens(text, letters.length > 0 && letters === letters.toUpperCase());
  const spelled = spelledCandidates(text, (token) => (looksLikeId(token) ? token : undefined), 'id');
  return free([...typed, ...spelled.filter((candidate) => !overlapsAny(candidate, typed))]);
}

/**
 * Tokens spelled out ("o r d one two three four five") that have the shape, written its way.
 *
 * @example
 * spelledInShape('o r d one two', deriveExampleShape(['ORD-1'])!); // value 'ORD-12'
 */
export function spelledInShape(text: string, shape: ExampleShape): SlotCandidate[] {
  return spelledCandidates(
    text,
    (token) => {
      const [found] = findShapedTokens(token, shape);
      return found && found.matched === token ? String(found.value) : undefined;
    },
    'example-shape',
  );
}
