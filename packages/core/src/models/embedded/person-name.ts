import type { ParameterSchema } from '../../actions/action-definition.js';
import { nameWords } from './parameter-name.js';
import type { SlotCandidate, TextSpan } from './slot-candidate.js';

/**
 * A customer's name where they say it: "name's Dana", "my name is Dana Reyes", "this is Dana",
 * "under the name Dana", for a parameter that holds a person's name.
 */

/** Which part of a name a parameter holds. */
export type NamePart = 'full' | 'first' | 'last';

/** Words before a name in `*_name` parameters that make it a person's: `customer_name`, `guest_name`. */
const PERSON_QUALIFIERS: ReadonlySet<string> = new Set([
  'customer',
  'full',
  'contact',
  'guest',
  'client',
  'your',
  'patient',
  'caller',
  'person',
  'booking',
  'reservation',
  'holder',
  'passenger',
  'attendee',
  'member',
  'recipient',
  'lead',
  'buyer',
  'user',
]);
const FIRST = new Set(['first', 'given', 'firstname', 'forename']);
const LAST = new Set(['last', 'family', 'surname', 'lastname']);

/**
 * Which part of a person's name the parameter holds, or `undefined` when it is no person's name:
 * `name`, `full_name`, `customer_name` hold it whole; `first_name`, `last_name`, `surname` a part.
 * `product_name` or `company_name` are not a person's.
 *
 * @example
 * personNamePart('customer_name', { type: 'string' }); // 'full'
 * personNamePart('firstName', { type: 'string' }); // 'first'
 * personNamePart('product_name', { type: 'string' }); // undefined
 */
export function personNamePart(name: string, schema: ParameterSchema): NamePart | undefined {
  const words = nameWords(name);
  const [first = '', second] = words;
  if (words.length === 1 && (first === 'surname' || first === 'lastname')) return 'last';
  if (words.length === 1 && (first === 'firstname' || first === 'forename')) return 'first';
  if (words.length === 1 && (first === 'name' || first === 'fullname')) return 'full';
  if (words.length === 2 && second === 'name') {
    if (FIRST.has(first)) return 'first';
    if (LAST.has(first)) return 'last';
    if (PERSON_QUALIFIERS.has(first)) return 'full';
  }
  const description = schema.description ?? '';
  if (
    /\b(?:your|customer['’]?s?|guest['’]?s?|person['’]?s?|caller['’]?s?) (?:full )?name\b/i.test(description)
  ) {
    return 'full';
  }
  return undefined;
}

/** Words that end a name: "this is Dana calling", "Dana from Acme", "Dana and I need". */
const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  [
    'and or but at on for from with in to of my i im is was the a an phone number email please',
    'thanks thank calling speaking here again by about it its this that me we our you your us',
    'table order booking reservation tomorrow today tonight next party people guests',
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june',
    'july august september october november december noon midnight morning evening afternoon',
  ]
    .join(' ')
    .split(' '),
);
/** Letters, with inner hyphens or apostrophes: `Dana`, `Mary-Jo`, `O’Neil`. */
const NAME_WORD = "\\p{L}+(?:['’-]\\p{L}+)*(?![\\p{L}\\p{N}-])";
/** Phrases that always come before a name: "my name is", "name's", "under the name", "call me". */
const STRONG_CUE =
  /(?<![\p{L}])(?:(?:my|the|her|his|our) (?:full |first |last )?name(?:'s|’s| is| was)|name['’]s|name is|name:|under (?:the name(?: of)?|the last name|my name)|call me|put it under|for the name|name to)\s+/giu;
/**
 * Phrases that come before a name only when it is capitalised: "this is Dana", "I'm Dana",
 * "name Jo Park", "under Marco", "for Mo" (not "for Friday": days and months are no names).
 */
const WEAK_CUE =
  /(?<![\p{L}])(?:[Tt]his is|[Ii]t['’]s|[Ii]['’]m|[Ii] am|[Ii]t is|[Nn]ame|(?:[Ii]t['’]s |[Bb]ook it |[Pp]ut it )?under|for|[Ff]or|[Nn]ame of)\s+(?=\p{Lu})/gu;

/** One word of a name, where it is. */
interface NameWord extends TextSpan {
  word: string;
}

/** Up to three name words from `start`, stopping at punctuation or a word that is no name. */
function nameWordsAt(text: string, start: number, capitalizedOnly: boolean): NameWord[] {
  const wordPattern = new RegExp(NAME_WORD, 'uy');
  const words: NameWord[] = [];
  let at = start;
  while (words.length < 3) {
    wordPattern.lastIndex = at;
    const word = wordPattern.exec(text)?.[0];
    if (word === undefined) break;
    if (NOT_NAME_WORDS.has(word.toLowerCase().replace(/['’]/g, ''))) break;
    if (capitalizedOnly && !/^\p{Lu}/u.test(word)) break;
    words.push({ word, start: at, end: at + word.length });
    const gap = /^[ \t]+/.exec(text.slice(at + word.length));
    if (!gap) break;
    at += word.length + gap[0].length;
  }
  return words;
}

/** A name typed all in lower case ("dana reyes", as voice transcripts write it) is capitalised. */
function written(words: readonly NameWord[]): string {
  const typed = words.map((word) => word.word).join(' ');
  if (typed !== typed.toLowerCase()) return typed;
  return typed.replace(
    /(^|\s)(\p{Ll})/gu,
    (_, space: string, letter: string) => space + letter.toUpperCase(),
  );
}

/** The part of a full name a parameter holds: "Dana Reyes" is Dana as a first name, Reyes as a last. */
function partOf(text: string, words: readonly NameWord[], part: NamePart): SlotCandidate | undefined {
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last || (part === 'last' && words.length < 2)) return undefined;
  const taken = part === 'first' ? [first] : part === 'last' ? [last] : words;
  const start = taken[0]?.start ?? first.start;
  const end = taken.at(-1)?.end ?? last.end;
  return { value: written(taken), matched: text.slice(start, end), start, end, kind: 'person-name' };
}

/**
 * Every name the customer gives after a cue: "my name is dana reyes" (`Dana Reyes`, capitalised),
 * "name's Dana", "under the name Dana"; after "this is" or "I'm" only a capitalised name ("this
 * is Dana", not "this is urgent"). Without any cue, a piece of a list made only of a capitalised
 * name ("table for 3, Lou, 212 555 0111"). For `first` or `last` the first or last word of it.
 *
 * @example
 * findPersonNames("Table for 4, name's Dana, 212 555 0199", 'full'); // [{ value: 'Dana', matched: 'Dana', ... }]
 * findPersonNames('my name is Dana Reyes', 'last'); // [{ value: 'Reyes', ... }]
 */
export function findPersonNames(text: string, part: NamePart = 'full'): SlotCandidate[] {
  const found: SlotCandidate[] = [];
  for (const [cue, capitalizedOnly] of [
    [STRONG_CUE, false],
    [WEAK_CUE, true],
  ] as const) {
    for (const match of text.matchAll(cue)) {
      const words = nameWordsAt(text, match.index + match[0].length, capitalizedOnly);
      const taken = partOf(text, words, part);
      if (taken && !found.some((other) => other.start === taken.start)) found.push(taken);
    }
  }
  if (found.length === 0) found.push(...listedNames(text, part));
  return found.sort((a, b) => a.start - b.start);
}

/** Words that open a reply and are capitalised without being names: "Great, thanks". */
const INTERJECTIONS: ReadonlySet<string> = new Set(
  'hi hello hey yes yeah yep no nope ok okay sure great perfect thanks cheers cool awesome fine alright right well hmm um uh oh ah wait actually also sorry please bye goodbye lovely excellent'.split(
    ' ',
  ),
);

/**
 * A name given among other values with nothing before it: "..., Lou, 212 555 0111": a piece
 * between commas (or the text's ends) made only of one to three capitalised words that are
 * neither interjections nor words that are no names.
 */
function listedNames(text: string, part: NamePart): SlotCandidate[] {
  if (!/[,;]/.test(text)) return [];
  const found: SlotCandidate[] = [];
  for (const piece of text.matchAll(/[^,;]+/g)) {
    const lead = /^\s*/.exec(piece[0])?.[0].length ?? 0;
    const start = piece.index + lead;
    const words = nameWordsAt(text, start, true);
    const end = words.at(-1)?.end ?? start;
    const rest = text.slice(end, piece.index + piece[0].length);
    const named = words.every((word) => !INTERJECTIONS.has(word.word.toLowerCase()));
    const taken = named && /^[\s.!]*$/.test(rest) ? partOf(text, words, part) : undefined;
    if (taken) found.push(taken);
  }
  return found;
}
