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

/** A phrase as a pattern: any case, words apart by spaces, `_` or `-`, the last word in any number. */
function phrasePattern(phrase: string): string | undefined {
  const words = phrase
    .trim()
    .split(/[\s_-]+/)
    .filter(Boolean);
  const last = words.pop();
  if (last === undefined) return undefined;
  const head = words.map((word) => `${escapeRegExp(word)}[\\s_-]+`).join('');
  return `${head}(?:${wordForms(last).map(escapeRegExp).join('|')})`;
}

function phraseCandidates(
  text: string,
  phrase: string,
  value: string | number,
  kind: SlotKind,
): SlotCandidate[] {
  const pattern = phrasePattern(phrase);
  if (pattern === undefined) return [];
  const finder = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu');
  return regexCandidates(text, finder, () => value, kind);
}

/**
 * Every mention of one of the allowed values, ignoring case, in singular or plural, with `_` and
 * `-` in a value read as spaces (`next_day` matches "next day"), or of one of its synonyms
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
  const candidates: SlotCandidate[] = [];
  for (const value of values) {
    candidates.push(...phraseCandidates(text, String(value), value, 'enum'));
    for (const synonym of synonyms[String(value)] ?? []) {
      candidates.push(...phraseCandidates(text, synonym, value, 'enum-synonym'));
    }
  }
  return candidates.sort((a, b) => a.start - b.start);
}
