import {
  escapeRegExp,
  regexCandidates,
  type SlotCandidate,
  TOKEN_END,
  TOKEN_START,
} from './slot-candidate.js';

/**
 * What tokens like a parameter's examples look like, and how to write one the examples' way.
 *
 * @example
 * deriveExampleShape(['ORD-12345'])?.normalize('ord 7'); // 'ORD-7'
 */
export interface ExampleShape {
  /** Finds tokens of this shape in a text (global, case-insensitive). */
  finder: RegExp;
  /** Writes a found token as the examples are written (`ord 5` -> `ORD-5`). */
  normalize: (token: string) => string;
}

/** Letters, an optional separator, digits: `ORD-12345`, `INV_7`, `AB12`. */
const PREFIXED_ID = /^([A-Za-z]+)([-_ #./:]?)(\d+)$/;
/** Separators a customer may type, or leave out, between an id's prefix and its number. */
const ANY_SEPARATOR = '[-_ #./:]?';

function prefixedShape(matches: RegExpExecArray[]): ExampleShape {
  const prefixes = new Map<string, string>();
  for (const [, prefix = ''] of matches) {
    if (!prefixes.has(prefix.toLowerCase())) prefixes.set(prefix.toLowerCase(), prefix);
  }
  const separator = matches[0]?.[2] ?? '';
  const alternatives = [...prefixes.values()].map(escapeRegExp).join('|');
  const finder = new RegExp(`${TOKEN_START}(${alternatives})${ANY_SEPARATOR}(\\d+)${TOKEN_END}`, 'giu');
  const shape = new RegExp(`^(${alternatives})${ANY_SEPARATOR}(\\d+)$`, 'iu');
  return {
    finder,
    normalize: (token) => {
      const [, prefix = '', digits = ''] = shape.exec(token) ?? [];
      return `${prefixes.get(prefix.toLowerCase()) ?? prefix}${separator}${digits}`;
    },
  };
}

function digitsShape(examples: string[]): ExampleShape {
  const lengths = examples.map((example) => example.length);
  const finder = new RegExp(
    `${TOKEN_START}(?<![.,]\\d*)\\d{${Math.min(...lengths)},${Math.max(...lengths)}}(?![.,]\\d)${TOKEN_END}`,
    'gu',
  );
  return { finder, normalize: (token) => token };
}

/** Letter runs, digit runs and literal punctuation: `A1B 2C3` -> `[A-Za-z]+\d+[A-Za-z]+ \d+[A-Za-z]+\d+`. */
function runShape(example: string): string {
  return example
    .replace(/[A-Za-z]+|\d+|./g, (run) => (/^[A-Za-z]/.test(run) ? '\0L' : /^\d/.test(run) ? '\0D' : run))
    .split(/(\0L|\0D)/)
    .map((part) => (part === '\0L' ? '[A-Za-z]+' : part === '\0D' ? '\\d+' : escapeRegExp(part)))
    .join('');
}

function genericShape(examples: string[]): ExampleShape {
  const shapes = [...new Set(examples.map(runShape))].join('|');
  const finder = new RegExp(`${TOKEN_START}(?:${shapes})${TOKEN_END}`, 'giu');
  const letters = examples.join('').replace(/[^A-Za-z]/g, '');
  const upper = letters.length > 0 && letters === letters.toUpperCase();
  const lower = letters.length > 0 && letters === letters.toLowerCase();
  return {
    finder,
    normalize: (token) => (upper ? token.toUpperCase() : lower ? token.toLowerCase() : token),
  };
}

/**
 * Works out what a parameter's values look like from its examples, when they look like ids: a
 * letter prefix, a separator and digits (`ORD-12345`: the prefix is kept literally, any number of
 * digits, the separator optional when typed), digits alone (`12345`: as many digits as the
 * examples have), or any mix of letters, digits and punctuation that has digits (`A1B-2C3`).
 * `undefined` for examples without digits ("Jane Doe"), which any text would match.
 *
 * @example
 * const shape = deriveExampleShape(['ORD-12345']);
 * findShapedTokens('it was ord 77', shape!); // [{ value: 'ORD-77', matched: 'ord 77', ... }]
 */
export function deriveExampleShape(examples: readonly unknown[] | undefined): ExampleShape | undefined {
  const texts = (examples ?? [])
    .filter((example) => typeof example === 'string' || typeof example === 'number')
    .map((example) => String(example).trim())
    .filter((example) => example.length > 0);
  if (texts.length === 0 || !texts.every((text) => /\d/.test(text))) return undefined;
  if (texts.every((text) => /^\d+$/.test(text))) return digitsShape(texts);
  const prefixed = texts.map((text) => PREFIXED_ID.exec(text));
  if (prefixed.every((match) => match !== null)) return prefixedShape(prefixed);
  return genericShape(texts);
}

/**
 * Every token of the text that has the shape, written the examples' way.
 *
 * @example
 * findShapedTokens('ORD-1 or ord-2', deriveExampleShape(['ORD-9'])!); // values 'ORD-1' and 'ORD-2'
 */
export function findShapedTokens(text: string, shape: ExampleShape): SlotCandidate[] {
  return regexCandidates(text, shape.finder, (match) => shape.normalize(match[0]), 'example-shape');
}
