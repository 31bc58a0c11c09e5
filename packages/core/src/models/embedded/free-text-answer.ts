import type { SlotCandidate, TextSpan } from './slot-candidate.js';
import { isOnlyReplyWords } from './understand-reply.js';

const WORD = "[\\p{L}'’]+";
/**
 * Words that name a value ("my name is", "the address is", "my problem is"): what comes after
 * them is the answer. "The invoice PDF is blank" names none, so all of it is the answer.
 */
const LABEL =
  '(?:name|email|e-mail|address|phone|number|mobile|cell|id|reference|order|booking|code|zip|postcode|company|problem|issue|reason|question|message|account|username)';
/** Words before the answer itself: "Sure, it's ...", "Actually, my name is ...", "and I'm ...". */
const LEAD_IN = new RegExp(
  `^(?:[\\s,.;:!?&-]+|(?:${[
    'and',
    'also',
    'plus',
    'sure',
    'yes',
    'yeah',
    'yep',
    'ok',
    'okay',
    'of course',
    'certainly',
    'actually',
    'sorry',
    'oh',
    'well',
    'um',
    'uh',
    'hmm',
    'so',
    // "no, it's ORD-2"; a leading "no" without a comma is part of the answer ("no emails arrive").
    'no(?=\\s*,)',
    'nope(?=\\s*,)',
    'hi',
    'hello',
    'hey',
    'oops',
    'wait',
    'please',
    "it['’]?s",
    'it is',
    "that['’]?s",
    'that is',
    'this is',
    "i['’]?m",
    'i am',
    "name['’]?s",
    'call me',
    'i meant',
    'i mean',
    'it should be',
    'should be',
    'make that',
    `(?:my|the|our) (?:${WORD} )?${LABEL}(?: is|['’]s)`,
  ].join('|')})(?![\\p{L}\\p{N}]))`,
  'iu',
);
/** Words after the answer: "..., thanks", "... and my email is" (the email having been taken). */
const TRAIL = new RegExp(
  `(?:[\\s,;:!?&"'“”‘’-]+|\\.+|(?<![\\p{L}\\p{N}])(?:and|also|plus|please|thanks|thank you|(?:my|the|our) (?:${WORD} )?${LABEL}(?: is|['’]s)))$`,
  'iu',
);
const OPENING_QUOTE = /^["'“‘]+/u;

/** The stretch of `span` left once lead-in and trailing words are cut off it. */
function trimmed(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  for (let changed = true; changed && start < end; ) {
    changed = false;
    const lead = LEAD_IN.exec(text.slice(start, end)) ?? OPENING_QUOTE.exec(text.slice(start, end));
    if (lead && lead[0].length > 0) {
      start += lead[0].length;
      changed = true;
    }
    const trail = TRAIL.exec(text.slice(start, end));
    if (trail && trail[0].length > 0) {
      end -= trail[0].length;
      changed = true;
    }
  }
  return { start, end: Math.max(start, end) };
}

/**
 * The answer to a free-text question ("What is your name?"): the reply without polite lead-ins
 * ("sure,", "it's", "my name is", "actually"), trailing thanks and punctuation. Stretches `taken`
 * by other parameters are cut out and each remaining piece is a candidate ("Jane Doe, jane@x.com"
 * gives "Jane Doe"). Nothing for a reply made only of reply words ("ok", "not sure", "never mind").
 *
 * @example
 * freeTextAnswers("Sure, it's Jane Doe.", []); // [{ value: 'Jane Doe', matched: 'Jane Doe', start: 11, end: 19, kind: 'free-text' }]
 */
export function freeTextAnswers(text: string, taken: readonly TextSpan[]): SlotCandidate[] {
  const pieces: TextSpan[] = [];
  let start = 0;
  for (const span of [...taken].sort((a, b) => a.start - b.start)) {
    pieces.push({ start, end: Math.max(start, span.start) });
    start = Math.max(start, span.end);
  }
  pieces.push({ start, end: text.length });
  return pieces
    .map((piece) => trimmed(text, piece))
    .filter((piece) => piece.end > piece.start && !isOnlyReplyWords(text.slice(piece.start, piece.end)))
    .map((piece) => {
      const value = text.slice(piece.start, piece.end);
      return { value, matched: value, ...piece, kind: 'free-text' };
    });
}
