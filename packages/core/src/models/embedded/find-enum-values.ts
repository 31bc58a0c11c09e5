import { compactValue } from './enum-synonyms.js';
import { escapeRegExp, regexCandidates, type SlotCandidate, type SlotKind } from './slot-candidate.js';

/**
 * A word and its simple plural or singular forms: box/boxes, shirt/shirts, party/parties.
 *
 * @example
 * wordForms('party'); // ['partyes', 'parties', 'partys', 'party']: longest first
 */
export function wordForms(word: string): string[] {
  const forms = new Set([word, `${word}s`, `${word}es`]);
  if (/[^aeiou]y$/i.test(word)) forms.add(`${word.slice(0, -1)}ies`);
  if (/ies$/i.test(word)) forms.add(`${word.slice(0, -3)}y`);
  if (/[sxz]es$|[cs]hes$/i.test(word)) forms.add(word.slice(0, -2));
  if (/[^s]s$/i.test(word) && word.length > 3) forms.add(word.slice(0, -1));
  return [...forms].sort((a, b) => b.length - a.length);
}

/** A short word as a pattern that also takes it with dots: `us` matches "U.S.", `ups` "U.P.S.". */
function wordPattern(word: string): string {
  if (word.length > 3 || !/^\p{L}+$/u.test(word)) return escapeRegExp(word);
  return [...word].map(escapeRegExp).join('\\.?');
}

/** A phrase as a pattern: any case, words apart by spaces, `_` or `-`, the last word in any number. */
function phrasePattern(phrase: string): string | undefined {
  const words = phrase
    .trim()
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean);
  const last = words.pop();
  if (last === undefined) return undefined;
  const head = words.map((word) => `${wordPattern(word)}\\.?[\\s_-]+`).join('');
  const forms = wordForms(last).map((form) =>
    form === last ? `${wordPattern(form)}\\.?` : escapeRegExp(form),
  );
  return `${head}(?:${forms.join('|')})`;
}

/**
 * A value of three letters or digits or more written compactly, as a pattern that takes it with
 * or without spaces, dots or dashes between its characters: `fedex` matches "Fed Ex" and
 * "Fed-Ex", `next_day` matches "nextday".
 */
function compactPattern(value: string): string | undefined {
  const compact = [...compactValue(value)];
  if (compact.length < 3) return undefined;
  return compact.map(escapeRegExp).join('[\\s._-]?');
}

/** Not glued to a letter or digit, nor to a word by a hyphen: "ups" is not found in "pop-ups". */
const PHRASE_START = '(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}]-)';
const PHRASE_END = '(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])';

/** Compiled phrase finders, by phrase: the same enums are read turn after turn. */
const finders = new Map<string, RegExp | undefined>();
const MAX_FINDERS = 4_000;

/** The patterns a phrase is found by: its words, and its compact spelling. */
function phrasePatterns(phrase: string): string[] {
  return [phrasePattern(phrase), compactPattern(phrase)].filter((pattern) => pattern !== undefined);
}

/**
 * The finder of `phrases` between the phrase boundaries, compiled once per key and kept in
 * `cache` (`undefined` when no phrase gives a pattern).
 */
function compiledFinder(
  cache: Map<string, RegExp | undefined>,
  key: string,
  phrases: readonly string[],
  flags: string,
): RegExp | undefined {
  if (cache.has(key)) return cache.get(key);
  const patterns = phrases.flatMap(phrasePatterns);
  const finder =
    patterns.length === 0
      ? undefined
      : new RegExp(`${PHRASE_START}(?:${patterns.join('|')})${PHRASE_END}`, flags);
  if (cache.size >= MAX_FINDERS) cache.clear();
  cache.set(key, finder);
  return finder;
}

/** The finder of a phrase's mentions, compiled once (`undefined` for an empty phrase). */
const phraseFinder = (phrase: string) => compiledFinder(finders, phrase, [phrase], 'giu');

/** Compiled tests for any phrase of a list, by the list: most messages mention no value at all. */
const anyFinders = new Map<string, RegExp | undefined>();

/**
 * One test for a mention of any of the phrases: the alternatives of every phrase's finder between
 * the same boundaries, so it matches exactly when at least one phrase's finder would. A message
 * that names none of them (most messages, for most enums) costs one scan instead of one a phrase.
 */
const anyPhraseFinder = (phrases: readonly string[]) =>
  compiledFinder(anyFinders, phrases.join('\u0000'), phrases, 'iu');

function phraseCandidates(
  text: string,
  phrase: string,
  value: string | number,
  kind: SlotKind,
): SlotCandidate[] {
  const finder = phraseFinder(phrase);
  return finder ? regexCandidates(text, finder, () => value, kind) : [];
}

/**
 * Every mention of one of the allowed values, ignoring case, in singular or plural, with `_` and
 * `-` in a value read as spaces (`next_day` matches "next day"), camel case split (`nextDay`),
 * spaces, dots and dashes between its characters ignored ("Fed-Ex", "U.P.S." for `fedex`,
 * `ups`), or of one of its synonyms
 * (`synonyms['express'] = ['fast', 'overnight']`). The value found is the enum value itself.
 *
 * @example
 * findEnumValues('two Large pizzas, fast please', ['small', 'large', 'express'], { express: ['fast'] });
 * // values 'large' (matched 'Large', kind 'enum') and 'express' (matched 'fast', kind 'enum-synonym')
 */
export function findEnumValues(
  text: string,
  values: ReadonlyArray<string | number>,
  synonyms: Readonly<Record<string, readonly string[]>> = {},
): SlotCandidate[] {
  const phrases = values.flatMap((value) => [String(value), ...(synonyms[String(value)] ?? [])]);
  if (!anyPhraseFinder(phrases)?.test(text)) return [];
  const candidates: SlotCandidate[] = [];
  for (const value of values) {
    candidates.push(...phraseCandidates(text, String(value), value, 'enum'));
    for (const synonym of synonyms[String(value)] ?? []) {
      candidates.push(...phraseCandidates(text, synonym, value, 'enum-synonym'));
    }
  }
  return candidates.sort((a, b) => a.start - b.start);
}
