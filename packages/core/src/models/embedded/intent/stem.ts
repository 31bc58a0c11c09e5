/**
 * A small, predictable English stemmer: a handful of suffix rules applied in a fixed order, so
 * that the forms a customer types ("orders", "shipping", "cancelled") meet the forms an operator
 * wrote ("order", "ship", "cancel"). It is deliberately not Porter: fewer rules, each tested.
 *
 * Order of the steps (at most one rule fires per step):
 * 1. plurals: `-sses` -> `-ss`, `-ies` -> `-y`, `-es` after x/z/ch/sh, else `-s` (not after s, u, i);
 * 2. verb endings: `-ied` -> `-y`, `-ed` and `-ing` (not `-eed`), then a doubled final consonant
 *    other than l, s, z is undoubled ("shipp" -> "ship");
 * 3. derivations: `-ly`, `-ment`, `-ation`, `-tion` -> `-t`;
 * 4. tidy: a final `-ll` becomes `-l` (words over 4 letters), else a final `-e` (not `-ee`) goes.
 *
 * Only plain ASCII words longer than 3 letters are touched; anything else comes back unchanged.
 */

const CONSONANT_BEFORE_LY = /[bcdfghjklmnqrstvwxz]$|e$/;
const DOUBLE_TO_UNDOUBLE = /([bcdfghjkmnpqrtvwx])\1$/;

function hasVowel(text: string): boolean {
  return /[aeiouy]/.test(text);
}

function stripPlural(word: string): string {
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && /(x|z|ch|sh)$/.test(word.slice(0, -2))) return word.slice(0, -2);
  if (word.endsWith('s') && !/[sui]s$/.test(word) && word.length - 1 >= 3) return word.slice(0, -1);
  return word;
}

function undouble(base: string): string {
  return base.length >= 4 && DOUBLE_TO_UNDOUBLE.test(base) ? base.slice(0, -1) : base;
}

function stripVerbEnding(word: string): string {
  if (word.endsWith('ied') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('eed')) return word;
  for (const suffix of ['ed', 'ing']) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length);
    if (base.length >= 3 && hasVowel(base)) return undouble(base);
  }
  return word;
}

function stripDerivation(word: string): string {
  if (word.endsWith('ly')) {
    const base = word.slice(0, -2);
    if (base.length >= 4 && CONSONANT_BEFORE_LY.test(base)) return base;
    return word;
  }
  if (word.endsWith('ment')) {
    const base = word.slice(0, -4);
    if (base.length >= 3 && hasVowel(base)) return base;
    return word;
  }
  if (word.endsWith('ation') && word.length - 5 >= 4) return word.slice(0, -5);
  if (word.endsWith('tion') && word.length - 4 >= 2) return `${word.slice(0, -4)}t`;
  return word;
}

function tidyEnding(word: string): string {
  if (word.endsWith('ll')) return word.length > 4 ? word.slice(0, -1) : word;
  if (word.endsWith('e') && !word.endsWith('ee') && word.length >= 4) return word.slice(0, -1);
  return word;
}

/**
 * Reduces one lower-case English word to its stem. Two forms of the same word should get the
 * same stem; the stem itself need not be a real word ("change" -> "chang").
 *
 * @example
 * stem('orders'); // 'order'
 * stem('shipping'); // 'ship'
 * stem('cancelled'); // 'cancel'
 * stem('status'); // 'status'
 */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  return tidyEnding(stripDerivation(stripVerbEnding(stripPlural(word))));
}
