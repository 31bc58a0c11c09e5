import { applyLiteralCase, withoutAnchors } from './pattern-source.js';
import { regexCandidates, type SlotCandidate, TOKEN_END, TOKEN_START } from './slot-candidate.js';

/** ASCII token boundaries, for the rare pattern that only compiles without the `u` flag. */
const ASCII_START = "(?<![A-Za-z0-9_]|[A-Za-z0-9][-'])";
const ASCII_END = "(?![A-Za-z0-9_]|[-'][A-Za-z0-9])";

/** Compiles as Ajv does (`u` flag), falling back to no flag; `undefined` when neither compiles. */
function compile(source: string, flags: string): RegExp | undefined {
  for (const unicode of ['u', '']) {
    try {
      return new RegExp(source, `${flags}${unicode}`);
    } catch {}
  }
  return undefined;
}

/**
 * The token as the pattern wants it written: the pattern's literal letters in its case, or all
 * upper or all lower case when that is what passes (`[A-Z]{3}`); as typed when nothing passes.
 *
 * @example
 * caseForPattern('ord-5', '^ORD-\\d+$'); // 'ORD-5'
 * caseForPattern('abc', '^[A-Z]+$'); // 'ABC'
 */
export function caseForPattern(token: string, pattern: string): string {
  const strict = compile(pattern, '');
  if (!strict) return token;
  const variants = [applyLiteralCase(token, pattern), token, token.toUpperCase(), token.toLowerCase()];
  return variants.find((variant) => strict.test(variant)) ?? token;
}

/**
 * True when the whole `text` matches the pattern, ignoring case.
 *
 * @example
 * matchesPatternLoosely('ord-1', '^ORD-\\d+$'); // true
 */
export function matchesPatternLoosely(text: string, pattern: string): boolean {
  return compile(pattern, 'i')?.test(text) === true;
}

/**
 * Every token of the text matching the parameter's pattern: anchors removed, case ignored, not
 * part of a longer word, then written in the case the pattern implies (see {@link caseForPattern}).
 * Nothing for a pattern that does not compile.
 *
 * @example
 * findPatternTokens('it is ord-12345, thanks', '^ORD-\\d+$'); // [{ value: 'ORD-12345', matched: 'ord-12345', ... }]
 */
export function findPatternTokens(text: string, pattern: string): SlotCandidate[] {
  const body = withoutAnchors(pattern);
  const token =
    compile(`${TOKEN_START}(?:${body})${TOKEN_END}`, 'gi') ??
    compile(`${ASCII_START}(?:${body})${ASCII_END}`, 'gi');
  if (!token) return [];
  return regexCandidates(
    text,
    token,
    (match) => (matchesPatternLoosely(match[0], pattern) ? caseForPattern(match[0], pattern) : undefined),
    'pattern',
  );
}
