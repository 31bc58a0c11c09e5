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
  // Verbs and fillers of any request: "can you tell me", "I'd like to know", "um so yeah".
  ...['tell', 'know', 'get', 'got', 'give', 'let', 'go', 'going', 'think', 'say', 'said', 'ask', 'try'],
  ...['really', 'much', 'many', 'more', 'now', 'still', 'well', 'yeah', 'yes', 'ok', 'okay', 'um', 'uh'],
  ...['hmm', 'something', 'anything', 'someone', 'anyone', 'somebody', 'anybody', 'guys', 'folks'],
  ...['kind', 'sort', 'maybe', 'actually', 'basically', 'quick', 'quickly', 'again', 'way', 'able'],
  // When, not what: dates are values, never an intent.
  ...['last', 'night', 'week', 'weeks', 'month', 'months', 'year', 'today', 'tomorrow', 'yesterday', 'ago'],
  ...['morning', 'afternoon', 'evening', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday'],
  ...['friday', 'saturday', 'sunday', 'weekend', 'pm', 'am'],
  // What a value is called says nothing of the request: "order number", "booking reference".
  ...['number', 'id', 'ref', 'reference'],
]);

/**
 * Values say which record, never which action: an email, a URL, or any word with a digit and
 * the letters joined to it ("ORD-12345", "BK_20417", "3pm", "1Z999AA1") are left out, in the
 * message and in the operator's texts ("like ORD-12345").
 */
const VALUES =
  /\S+@\S+|https?:\/\/\S+|[\p{L}\p{N}]*\p{N}[\p{L}\p{N}]*(?:[-_/.:][\p{L}\p{N}]+)*|\p{L}+[-_](?=\p{N})/gu;

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
  for (const word of normalizeText(text.replace(VALUES, ' ')).split(SEPARATORS)) {
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

/**
 * Every word of a text, stop words included, each stemmed: what a trigger phrase is matched on,
 * so "are you open" needs those three words in a row and "on sale" does not match "sales team".
 * Contractions are read out ("where's" is "where is").
 *
 * @example
 * phraseWords('Are you open?'); // ['are', 'you', 'open']
 */
export function phraseWords(text: string): string[] {
  const expanded = text
    .replace(/['’]s\b/giu, ' is')
    .replace(/['’]re\b/giu, ' are')
    .replace(/['’]m\b/giu, ' am')
    .replace(/n['’]t\b/giu, ' not');
  return normalizeText(expanded.replace(VALUES, ' '))
    .split(SEPARATORS)
    .filter((word) => word !== '')
    .map((word) => (STOP_WORDS.has(word) ? word : stem(word)));
}
