import { stem } from './stem.js';

/**
 * Words that say nothing about which action a customer wants. Short on purpose; "where" is kept
 * out because it hints at tracking (see `related-words.ts`). Contractions appear without their
 * apostrophe, since the tokenizer removes apostrophes first ("don't" -> "dont").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...['a', 'an', 'the', 'and', 'or', 'but', 'if', 'then', 'so', 'than', 'too', 'very', 'just', 'also'],
  ...['of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'into', 'about', 'as', 'up', 'out'],
  ...['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'have', 'has', 'had'],
  ...['i', 'me', 'my', 'mine', 'myself', 'you', 'your', 'yours', 'we', 'us', 'our', 'ours'],
  ...['it', 'its', 'this', 'that', 'these', 'those', 'he', 'him', 'his', 'she', 'her', 'they', 'them'],
  ...['their', 'there', 'here', 'what', 'which', 'who', 'whom', 'whose', 'when', 'why', 'how'],
  ...['can', 'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must', 'not', 'no', 'yet'],
  ...['want', 'wanna', 'need', 'like', 'please', 'pls', 'hi', 'hello', 'hey', 'thanks', 'thank', 'thx'],
  ...['some', 'any', 'im', 'ive', 'id', 'dont', 'cant', 'wont', 'didnt', 'doesnt', 'isnt', 'whats'],
  ...['thats', 'lets', 'youre'],
]);

/** One kept word of a text: the lower-cased `word` as written and its `stem`. */
export interface Token {
  word: string;
  stem: string;
}

const APOSTROPHES = /['\u2019\u02bc]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const SINGLE_ASCII_LETTER = /^[a-z]$/;

/** Lower-cases, folds accents on Latin letters ("é" -> "e") and removes apostrophes. */
function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(LATIN_WITH_MARKS, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(APOSTROPHES, '');
}

/**
 * Splits a text into its meaningful words, in order: lower-cased, split on anything that is not
 * a letter or a digit (any script), stop words and single ASCII letters dropped, and each word
 * stemmed. Keeps the word as written next to its stem, for typo matching.
 *
 * @example
 * tokenizeDetailed("Where's my ORDER?");
 * // [{ word: 'wheres', stem: 'wher' }, { word: 'order', stem: 'order' }]
 */
export function tokenizeDetailed(text: string): Token[] {
  const tokens: Token[] = [];
  for (const word of normalizeText(text).split(SEPARATORS)) {
    if (word === '' || STOP_WORDS.has(word) || SINGLE_ASCII_LETTER.test(word)) continue;
    tokens.push({ word, stem: stem(word) });
  }
  return tokens;
}

/**
 * The stems of a text's meaningful words, in order (see `tokenizeDetailed`).
 *
 * @example
 * tokenize('I want to cancel my orders'); // ['cancel', 'order']
 * tokenize('Tracking for shipping'); // ['track', 'ship']
 */
export function tokenize(text: string): string[] {
  return tokenizeDetailed(text).map((token) => token.stem);
}
