import {
  compileSafePattern,
  patternProblem,
  type SafePattern,
  type SafePatternOptions,
} from '../../actions/safe-pattern.js';
import { applyLiteralCase, withoutAnchors } from './pattern-source.js';
import { type SlotCandidate, TOKEN_START } from './slot-candidate.js';

/**
 * After a token, consumed instead of looked ahead at (RE2 has no lookahead): the end of the text,
 * a character that cannot continue a word, or a hyphen or apostrophe not followed by a letter or
 * digit. The same tokens as {@link TOKEN_END}; the token itself is group 1.
 */
const CONSUMED_TOKEN_END = "(?:$|[^\\p{L}\\p{N}_\\-'’]|[-'’](?:$|[^\\p{L}\\p{N}]))";

/**
 * The operator's pattern compiled with RE2 semantics ({@link compileSafePattern});
 * `undefined` when it cannot run that way (an action saved before patterns were checked).
 */
function compile(source: string, options: SafePatternOptions = {}): SafePattern | undefined {
  if (patternProblem(source) !== undefined) return undefined;
  return compileSafePattern(source, options);
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
  const strict = compile(pattern);
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
  return compile(pattern, { ignoreCase: true })?.test(text) === true;
}

/**
 * True when the whole `text` matches the pattern exactly, case included; false for a pattern that
 * cannot run with RE2 semantics.
 *
 * @example
 * matchesPattern('19:30', '^([01][0-9]|2[0-3]):[0-5][0-9]$'); // true
 * matchesPattern('7:30 PM', '^([01][0-9]|2[0-3]):[0-5][0-9]$'); // false
 */
export function matchesPattern(text: string, pattern: string): boolean {
  return compile(pattern)?.test(text) === true;
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
  if (patternProblem(pattern) !== undefined) return [];
  const body = withoutAnchors(pattern);
  // The lazy DFA says quickly when nothing can match; the token search below tracks groups.
  if (!compileSafePattern(body, { ignoreCase: true }).test(text)) return [];
  const token = compileSafePattern(`${TOKEN_START}(${body})${CONSUMED_TOKEN_END}`, {
    ignoreCase: true,
    internalLookbehinds: true,
  });
  const candidates: SlotCandidate[] = [];
  for (const groups of token.findAll(text, 1)) {
    const span = groups[1];
    if (!span || span.end === span.start) continue;
    const matched = text.slice(span.start, span.end);
    if (!matchesPatternLoosely(matched, pattern)) continue;
    candidates.push({ value: caseForPattern(matched, pattern), matched, ...span, kind: 'pattern' });
  }
  return candidates;
}
