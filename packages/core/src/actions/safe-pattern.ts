import { RE2JS } from 're2js';

/**
 * Every regular expression an operator supplies (a parameter's `pattern`) is compiled and run here,
 * never by JavaScript's backtracking `RegExp`: RE2 semantics (re2js, a pure-JS port of RE2/J) match
 * in time linear in the input, so no pattern and no visitor's text can stall the server. A pattern
 * must be valid ECMAScript (JSON Schema patterns are, and model providers read them so) and also
 * run with RE2: lookaround and backreferences, which need backtracking, are refused when the
 * action is saved ({@link patternProblem}).
 */

/** Longer than this is not a parameter format but a program; it is refused when saved. */
export const MAX_PATTERN_LENGTH = 1000;
/**
 * RE2 instructions a pattern may compile to. Matching is linear in the input but also in the
 * program: at this size a 10,000-character value takes well under a second even for the worst
 * pattern, and real formats (`^[A-Z]{2}\d{6}$` is 20, `^[a-z]{1,400}$` about 800) fit easily.
 */
export const MAX_PATTERN_PROGRAM_SIZE = 1000;
/** Compiled patterns kept, least recently used dropped first. */
export const MAX_CACHED_PATTERNS = 1000;

const RE2_NOTE =
  'patterns run with RE2 semantics (linear time: no lookahead, lookbehind or backreferences; see docs/architecture/action-model.md)';

/** Thrown by {@link compileSafePattern} for a pattern RE2 cannot run; the message says why. */
export class UnsupportedPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedPatternError';
  }
}

/** What to compile a pattern with. */
export interface SafePatternOptions {
  /** Letters match in any case. */
  ignoreCase?: boolean;
  /**
   * Toolgate's own wrappers only (token boundaries): allow RE2JS's linear-time, captureless
   * lookbehinds. The operator's pattern inside is checked with {@link patternProblem} first.
   */
  internalLookbehinds?: boolean;
}

/** A stretch of the input as UTF-16 offsets, `end` exclusive. */
export interface PatternSpan {
  start: number;
  end: number;
}

/**
 * A compiled pattern; the same object for the same source and options (cached). `test` is what a
 * JSON Schema `pattern` means: a match anywhere unless the pattern anchors itself.
 *
 * @example
 * compileSafePattern('^ORD-\\d+$').test('ORD-12'); // true
 */
export interface SafePattern {
  readonly source: string;
  test(text: string): boolean;
  /** Spans of every capturing group when the whole text matches, `undefined` otherwise. */
  matchWhole(text: string): Array<PatternSpan | undefined> | undefined;
  /**
   * Successive matches left to right, each as the spans of its groups (0 is the whole match).
   * The next search starts where group `resumeAfter` (default 0) ended: a wrapper that consumes
   * the character after a token resumes after the token.
   */
  findAll(text: string, resumeAfter?: number): Array<Array<PatternSpan | undefined>>;
  toString(): string;
}

/** Where the pattern uses something only a backtracking engine can do, said plainly. */
function backtrackingFeature(source: string): string | undefined {
  let at = 0;
  while (at < source.length) {
    const char = source[at];
    if (char === '\\') {
      const next = source[at + 1] ?? '';
      if (/[1-9]/.test(next)) return `backreference \\${next} is not supported`;
      if (next === 'k' && source[at + 2] === '<') return 'named backreference \\k<...> is not supported';
      at += 2;
    } else if (char === '[') {
      at += 1;
      while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1;
      at += 1;
    } else if (char === '(' && source[at + 1] === '?') {
      const rest = source.slice(at + 2, at + 4);
      if (rest.startsWith('=')) return 'lookahead (?=...) is not supported';
      if (rest.startsWith('!')) return 'negative lookahead (?!...) is not supported';
      if (rest === '<=') return 'lookbehind (?<=...) is not supported';
      if (rest === '<!') return 'negative lookbehind (?<!...) is not supported';
      at += 2;
    } else at += 1;
  }
  return undefined;
}

function translate(source: string): string {
  return RE2JS.translateRegExp(source);
}

function flagsOf(options: SafePatternOptions): number {
  return (
    (options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) | (options.internalLookbehinds ? RE2JS.LOOKBEHINDS : 0)
  );
}

function re2Problem(source: string, flags: number): string | undefined {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(translate(source), flags);
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
    return `cannot run with RE2 (${reason}); ${RE2_NOTE}`;
  }
  if (compiled.programSize() > MAX_PATTERN_PROGRAM_SIZE) {
    return `is too large (${compiled.programSize()} RE2 instructions, at most ${MAX_PATTERN_PROGRAM_SIZE}): write the repetition counts smaller`;
  }
  return undefined;
}

const problems = new Map<string, string | undefined>();

/**
 * Why an operator's pattern cannot be saved, or `undefined` when it can: it must be at most
 * {@link MAX_PATTERN_LENGTH} characters, valid ECMAScript with the `u` flag (as JSON Schema and
 * model providers read it) and run with RE2 (no lookaround, no backreferences). Only compiles,
 * never matches, so it is safe on any input. Results are cached.
 *
 * @example
 * patternProblem('^ORD-\\d+$'); // undefined
 * patternProblem('^(?=.*\\d).+$'); // 'lookahead (?=...) is not supported; patterns run with RE2 semantics ...'
 */
export function patternProblem(source: string): string | undefined {
  if (problems.has(source)) return problems.get(source);
  const problem = findProblem(source);
  if (problems.size >= MAX_CACHED_PATTERNS) problems.delete(problems.keys().next().value as string);
  problems.set(source, problem);
  return problem;
}

function findProblem(source: string): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH)
    return `is too long (${source.length} characters, at most ${MAX_PATTERN_LENGTH})`;
  try {
    // Compiling only checks the syntax; nothing is ever matched with a backtracking RegExp.
    new RegExp(source, 'u');
  } catch (error) {
    return `is not a valid regular expression: ${(error as Error).message}`;
  }
  const feature = backtrackingFeature(source);
  if (feature) return `${feature}; ${RE2_NOTE}`;
  return re2Problem(source, 0);
}

function spansOf(matcher: ReturnType<RE2JS['matcher']>, groups: number): Array<PatternSpan | undefined> {
  const spans: Array<PatternSpan | undefined> = [];
  for (let group = 0; group <= groups; group += 1) {
    const start = matcher.start(group);
    spans.push(start < 0 ? undefined : { start, end: matcher.end(group) });
  }
  return spans;
}

function wrap(source: string, compiled: RE2JS): SafePattern {
  const groups = compiled.groupCount();
  return {
    source,
    test: (text) => compiled.test(text),
    matchWhole(text) {
      const matcher = compiled.matcher(text);
      return matcher.matches() ? spansOf(matcher, groups) : undefined;
    },
    findAll(text, resumeAfter = 0) {
      const matcher = compiled.matcher(text);
      const found: Array<Array<PatternSpan | undefined>> = [];
      let from = 0;
      while (from <= text.length && matcher.find(from)) {
        const spans = spansOf(matcher, groups);
        found.push(spans);
        const whole = spans[0] as PatternSpan;
        const resume = spans[resumeAfter]?.end ?? whole.end;
        from = resume > whole.start ? resume : whole.start + 1;
      }
      return found;
    },
    toString: () => `/${source}/${compiled.flags()}`,
  };
}

const compiledPatterns = new Map<string, SafePattern>();

/**
 * The pattern compiled with RE2 semantics, cached by source and options (least recently used
 * dropped past {@link MAX_CACHED_PATTERNS}). Throws {@link UnsupportedPatternError} when RE2 cannot
 * run it; an operator's pattern should pass {@link patternProblem} first.
 *
 * @example
 * compileSafePattern('(a+)+$').test(`${'a'.repeat(10_000)}!`); // false, in milliseconds
 */
export function compileSafePattern(source: string, options: SafePatternOptions = {}): SafePattern {
  const flags = flagsOf(options);
  const key = `${flags}:${source}`;
  const known = compiledPatterns.get(key);
  if (known) {
    compiledPatterns.delete(key);
    compiledPatterns.set(key, known);
    return known;
  }
  if (!options.internalLookbehinds) {
    const feature = backtrackingFeature(source);
    if (feature) throw new UnsupportedPatternError(`${feature}; ${RE2_NOTE}`);
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(translate(source), flags);
  } catch (error) {
    throw new UnsupportedPatternError(`cannot run with RE2: ${(error as Error).message}; ${RE2_NOTE}`);
  }
  const pattern = wrap(source, compiled);
  if (compiledPatterns.size >= MAX_CACHED_PATTERNS)
    compiledPatterns.delete(compiledPatterns.keys().next().value as string);
  compiledPatterns.set(key, pattern);
  return pattern;
}

/**
 * The engine Ajv compiles `pattern` keywords with (its `code.regExp` option): RE2 semantics, the
 * `u` flag implied (RE2 always reads code points).
 *
 * @example
 * new Ajv({ code: { regExp: ajvRegExpEngine } });
 */
export const ajvRegExpEngine = Object.assign(
  (source: string, _flags: string): SafePattern => compileSafePattern(source),
  { code: 'compileSafePattern' },
);
