import { compileSafePattern, patternProblem, type SafePattern } from '../../actions/safe-pattern.js';

/**
 * Reading a parameter's `pattern` (a JSON Schema, so ECMAScript, regular expression) character by
 * character: which parts are anchors, which letters are literal.
 */

/** Escapes whose letters are not literal text: `\d`, `\p{L}`, `\u0041`, `\k<name>`, `\cJ`. */
function escapeLength(source: string, at: number): number {
  const next = source[at + 1] ?? '';
  if ((next === 'p' || next === 'P' || next === 'u') && source[at + 2] === '{') {
    const close = source.indexOf('}', at);
    return close === -1 ? 2 : close - at + 1;
  }
  if (next === 'k' && source[at + 2] === '<') {
    const close = source.indexOf('>', at);
    return close === -1 ? 2 : close - at + 1;
  }
  if (next === 'u') return 6;
  if (next === 'x') return 4;
  if (next === 'c') return 3;
  return 2;
}

/**
 * One piece of a pattern: a literal letter outside any class, or anything else, kept verbatim.
 *
 * @example
 * splitPattern('^O\\d')[1]; // { text: 'O', literalLetter: true }
 */
export interface PatternPiece {
  text: string;
  /** Set for a letter that stands for itself (`O` in `^ORD-\d+$`), not in `[A-Z]` or `\d`. */
  literalLetter?: true;
  /** Set for `^` and `$` outside a class: anchors. */
  anchor?: true;
}

/**
 * Splits a pattern into pieces: escapes, classes and group openings whole, so that literal letters
 * and anchors can be told apart from the rest.
 *
 * @example
 * splitPattern('^ORD-\\d+$').map((piece) => piece.text); // ['^', 'O', 'R', 'D', '-', '\\d', '+', '$']
 */
export function splitPattern(source: string): PatternPiece[] {
  const pieces: PatternPiece[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at] ?? '';
    let length = 1;
    if (char === '\\') length = escapeLength(source, at);
    else if (char === '[') {
      let end = at + 1;
      if (source[end] === ']') end += 1;
      while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
      length = end - at + 1;
    } else if (
      char === '(' &&
      source[at + 1] === '?' &&
      source[at + 2] === '<' &&
      !'=!'.includes(source[at + 3] ?? '')
    ) {
      const close = source.indexOf('>', at);
      length = close === -1 ? 1 : close - at + 1;
    } else if (char === '{') {
      const close = source.indexOf('}', at);
      length = close === -1 ? 1 : close - at + 1;
    }
    const text = source.slice(at, at + length);
    if (length === 1 && /\p{L}/u.test(char)) pieces.push({ text, literalLetter: true });
    else if (length === 1 && (char === '^' || char === '$')) pieces.push({ text, anchor: true });
    else pieces.push({ text });
    at += length;
  }
  return pieces;
}

/**
 * The pattern without its anchors, to find it inside a sentence.
 *
 * @example
 * withoutAnchors('^ORD-\\d+$'); // 'ORD-\\d+'
 * withoutAnchors('^(?:A|B)[$^]$'); // '(?:A|B)[$^]'
 */
export function withoutAnchors(source: string): string {
  return splitPattern(source)
    .filter((piece) => !piece.anchor)
    .map((piece) => piece.text)
    .join('');
}

/**
 * Gives `token`'s letters the case the pattern writes them in, where the pattern spells them out:
 * `ord-12345` against `^ORD-\d+$` becomes `ORD-12345`; letters matched by classes keep the
 * customer's case. Returns `token` unchanged when it does not match the pattern case-insensitively
 * or the pattern cannot run with RE2 semantics (see `safe-pattern.ts`).
 *
 * @example
 * applyLiteralCase('ord-ab12', '^ORD-[a-z0-9]+$'); // 'ORD-ab12'
 */
export function applyLiteralCase(token: string, pattern: string): string {
  if (patternProblem(pattern) !== undefined) return token;
  const literalGroups = new Map<number, string>();
  let group = 0;
  const pieces = splitPattern(withoutAnchors(pattern));
  const marked = pieces
    .map((piece, index) => {
      const capturing = piece.text === '(' && pieces[index + 1]?.text !== '?';
      if (capturing || piece.text.startsWith('(?<')) group += 1;
      if (!piece.literalLetter) return piece.text;
      group += 1;
      literalGroups.set(group, piece.text);
      return `(${piece.text})`;
    })
    .join('');
  let spans: ReturnType<SafePattern['matchWhole']>;
  try {
    spans = compileSafePattern(`^(?:${marked})$`, { ignoreCase: true }).matchWhole(token);
  } catch {
    return token;
  }
  if (!spans) return token;
  const chars = [...token];
  const units = token.split('');
  if (chars.length !== units.length) return token;
  for (const [index, letter] of literalGroups) {
    const span = spans[index];
    if (span) units[span.start] = letter;
  }
  return units.join('');
}
