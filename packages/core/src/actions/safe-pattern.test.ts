import { describe, expect, it } from 'vitest';
import { findPatternTokens, matchesPatternLoosely } from '../models/embedded/find-pattern-tokens.js';
import { applyLiteralCase } from '../models/embedded/pattern-source.js';
import {
  compileSafePattern,
  MAX_PATTERN_LENGTH,
  MAX_PATTERN_PROGRAM_SIZE,
  patternProblem,
  UnsupportedPatternError,
} from './safe-pattern.js';
import { validateArguments } from './validate-arguments.js';

/**
 * The evil patterns of OWASP's ReDoS page and their classic relatives, each with an input built to
 * make a backtracking engine try exponentially (or polynomially, to a high power) many paths.
 */
const A = 'a'.repeat(10_000);
export const EVIL_PATTERNS: Array<[pattern: string, input: string]> = [
  ['^(a+)+$', `${A}!`],
  ['(a+)+$', `${A}!`],
  ['^([a-zA-Z]+)*$', `${A}!`],
  ['^(a|aa)+$', `${A}!`],
  ['^(a|a?)+$', `${A}!`],
  ['^(.*a){11}$', `${A}!`],
  ['^(.*a){25}$', `${A}!`],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', `${A}!`],
  [
    '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
    `${A}!`,
  ],
  ["^[a-zA-Z]+(([',.\\-][a-zA-Z ])?[a-zA-Z]*)*$", `${A}!`],
  ['^(\\w+\\s?)*$', `${A}!`],
  ['^(x+x+)+y$', 'x'.repeat(10_000)],
  ['^(\\d+)*[a-z]$', `${'1'.repeat(10_000)}!`],
];

/**
 * Not a speed target: a line between linear and exponential. RE2 answers these in tens of
 * milliseconds even on a loaded machine; a backtracking engine takes longer than the test's
 * timeout (most of them, longer than a lifetime). Wide, so that load on a shared machine cannot
 * cross it.
 */
const BOUND_MS = 4_000;

function elapsed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('compileSafePattern', () => {
  it.each(EVIL_PATTERNS)('%s answers a 10,000-character attack within the bound', (pattern, input) => {
    expect(patternProblem(pattern)).toBeUndefined();
    const compiled = compileSafePattern(pattern);
    expect(elapsed(() => expect(compiled.test(input)).toBe(false))).toBeLessThan(BOUND_MS);
    const loose = compileSafePattern(pattern, { ignoreCase: true });
    expect(elapsed(() => loose.findAll(input))).toBeLessThan(BOUND_MS);
  });

  it('matches as JSON Schema says: anywhere, unless the pattern anchors itself', () => {
    expect(compileSafePattern('ORD-\\d+').test('my ORD-12 here')).toBe(true);
    expect(compileSafePattern('^ORD-\\d+$').test('my ORD-12 here')).toBe(false);
    expect(compileSafePattern('^\\u0041\\p{Lu}$').test('AB')).toBe(true);
    expect(compileSafePattern('^(?<prefix>[A-Z]{3})-\\d+$').matchWhole('ABC-1')?.[1]).toEqual({
      start: 0,
      end: 3,
    });
  });

  it('caches: the same source and options give the same compiled pattern', () => {
    expect(compileSafePattern('^x+$')).toBe(compileSafePattern('^x+$'));
    expect(compileSafePattern('^x+$', { ignoreCase: true })).not.toBe(compileSafePattern('^x+$'));
  });

  it('throws for what RE2 cannot run, never falling back to RegExp', () => {
    expect(() => compileSafePattern('^(?=.*\\d).+$')).toThrow(UnsupportedPatternError);
    expect(() => compileSafePattern('^(a)\\1$')).toThrow(/backreference/);
  });
});

describe('patternProblem', () => {
  it.each([
    ['^(?=.*\\d).{8,}$', 'lookahead (?=...) is not supported; patterns run with RE2 semantics'],
    ['^(?!admin).+$', 'negative lookahead (?!...) is not supported'],
    ['(?<=\\$)\\d+', 'lookbehind (?<=...) is not supported'],
    ['(?<!x)y', 'negative lookbehind (?<!...) is not supported'],
    ['^(a)\\1$', 'backreference \\1 is not supported'],
    ['^(?<c>.)\\k<c>$', 'named backreference \\k<...> is not supported'],
    ['^(a', 'is not a valid regular expression'],
    ['^a{1001}$', 'cannot run with RE2 (invalid repeat count'],
    ['^((a{50}){20}){20}$', 'cannot run with RE2'],
    ['^(.*a){300}$', `is too large (1504 RE2 instructions, at most ${MAX_PATTERN_PROGRAM_SIZE})`],
    ['x'.repeat(MAX_PATTERN_LENGTH + 1), `is too long (${MAX_PATTERN_LENGTH + 1} characters`],
  ])('%s: %s', (pattern, message) => {
    expect(patternProblem(pattern)).toContain(message);
  });

  it.each([
    '^ORD-\\d+$',
    '^[A-Z]{2}\\d{6}$',
    '^(?:ORD|INV)-(?<number>\\d+)$',
    '[(?=x)]',
    '\\(?!',
    '^\\p{L}+$',
  ])('accepts %s', (pattern) => {
    expect(patternProblem(pattern)).toBeUndefined();
  });
});

describe('every place an operator pattern runs uses RE2', () => {
  it.each(EVIL_PATTERNS)('argument validation with %s stays fast', (pattern, input) => {
    const schema = { type: 'object' as const, properties: { code: { type: 'string' as const, pattern } } };
    let result: ReturnType<typeof validateArguments> | undefined;
    expect(elapsed(() => (result = validateArguments(schema, { code: input })))).toBeLessThan(BOUND_MS);
    expect(result?.valid).toBe(false);
  });

  it.each(EVIL_PATTERNS)('the embedded model reading %s from a message stays fast', (pattern, input) => {
    const message = `my code is ${input.slice(0, 4_000)} thanks`;
    expect(elapsed(() => findPatternTokens(message, pattern))).toBeLessThan(BOUND_MS);
    expect(elapsed(() => matchesPatternLoosely(input, pattern))).toBeLessThan(BOUND_MS);
    expect(elapsed(() => applyLiteralCase(input, pattern))).toBeLessThan(BOUND_MS);
  });

  it('an action saved before patterns were checked fails validation instead of backtracking', () => {
    const schema = {
      type: 'object' as const,
      properties: { code: { type: 'string' as const, pattern: '^(?=a)(a+)+$' } },
    };
    expect(() => validateArguments(schema, { code: 'aaa' })).toThrow(
      /pattern at \/parameters\/properties\/code\/pattern lookahead \(\?=\.\.\.\) is not supported/,
    );
    expect(findPatternTokens('code aaa', '^(?=a)(a+)+$')).toEqual([]);
  });
});
