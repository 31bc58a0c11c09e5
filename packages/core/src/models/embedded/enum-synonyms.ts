import { ENUM_LEXICON } from './enum-lexicon.js';
import { escapeRegExp } from './slot-candidate.js';

/**
 * Where the other words for an enum's values come from, merged: the operator's synonyms, the
 * parameter's description ("usps (US Postal Service)"), and a small built-in lexicon.
 */

/**
 * A value written compactly: letters and digits only, lower case (`Next_Day` -> `nextday`).
 *
 * @example
 * compactValue('U.S.P.S.'); // 'usps'
 */
export function compactValue(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The words a description pairs with a value: "usps (US Postal Service)", "fedex = Federal Express", "Royal Mail (royal_mail)". */
function describedAs(description: string, value: string): string[] {
  const said = escapeRegExp(value);
  const after = new RegExp(
    `(?<![\\p{L}\\p{N}_])${said}(?![\\p{L}\\p{N}_])\\s*(?:\\(([^)]*)\\)|(?:=|:|means|for|is)\\s*([^,;.()]+))`,
    'giu',
  );
  const before = new RegExp(`([\\p{L}][\\p{L}\\p{N} .&'’-]{1,40}?)\\s*\\(\\s*${said}\\s*\\)`, 'giu');
  const found: string[] = [];
  for (const match of description.matchAll(after)) found.push(match[1] ?? match[2] ?? '');
  for (const match of description.matchAll(before)) found.push(match[1] ?? '');
  return found
    .flatMap((text) => text.split(/\s*(?:,|\/|\bor\b)\s*/i))
    .map((text) => text.trim().replace(/^(?:e\.g\.|i\.e\.|aka|or)\s+/i, ''))
    .filter((text) => /\p{L}/u.test(text) && compactValue(text) !== compactValue(value));
}

/**
 * Other words for each of an enum's values: the operator's (`given`), those its description
 * pairs with a value, and the built-in lexicon's ("US Postal Service" for `usps`, "colour" for
 * `color`). A described or built-in word is dropped when it names another value of the enum or
 * is claimed for two values ("next day" for both `express` and `next_day`).
 *
 * @example
 * enumSynonyms(['usps', 'fedex'], {}, '').usps; // ['us postal service', 'united states postal service', ...]
 * enumSynonyms(['standard', 'regular'], {}, '').standard; // no 'regular': it is a value of its own
 */
export function enumSynonyms(
  values: ReadonlyArray<string | number>,
  given: Readonly<Record<string, readonly string[]>>,
  description: string,
): Readonly<Record<string, readonly string[]>> {
  const key = JSON.stringify([values, given, description]);
  const known = merged.get(key);
  if (known) return known;
  const result = mergeSynonyms(values, given, description);
  if (merged.size >= 1_000) merged.clear();
  merged.set(key, result);
  return result;
}

/** Merged synonyms by enum, operator's synonyms and description: the same enums come back every turn. */
const merged = new Map<string, Readonly<Record<string, readonly string[]>>>();

function mergeSynonyms(
  values: ReadonlyArray<string | number>,
  given: Readonly<Record<string, readonly string[]>>,
  description: string,
): Record<string, string[]> {
  const names = values.map(String);
  const valueWords = new Set(names.map(compactValue));
  const guessed = new Map<string, string[]>();
  const owners = new Map<string, Set<string>>();
  for (const name of names) {
    const words = [...describedAs(description, name), ...(ENUM_LEXICON[compactValue(name)] ?? [])];
    guessed.set(name, words);
    for (const word of words)
      owners.set(compactValue(word), (owners.get(compactValue(word)) ?? new Set()).add(name));
  }
  const result: Record<string, string[]> = {};
  for (const name of names) {
    const kept = (guessed.get(name) ?? []).filter(
      (word) => !valueWords.has(compactValue(word)) && (owners.get(compactValue(word))?.size ?? 0) === 1,
    );
    result[name] = [...new Set([...(given[name] ?? []), ...kept])];
  }
  return result;
}
