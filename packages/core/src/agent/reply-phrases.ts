/**
 * The words customers answer a question with: yes, no, cancel, a correction, or "not sure".
 * Matching is case-insensitive, on whole words, tolerant of punctuation between words ("no, it's"
 * is "no it's") and of a missing or curly apostrophe ("dont", "don’t").
 */

/**
 * What a reply phrase says. `unsure` ("not sure", "I don't know") is neither yes nor no.
 *
 * @example
 * findReplyPhrases('not sure')[0]?.category; // 'unsure'
 */
export type ReplyCategory = 'cancel' | 'correction' | 'unsure' | 'no' | 'yes';

/**
 * One reply phrase found in a text.
 *
 * @example
 * findReplyPhrases('OK!')[0]; // { category: 'yes', start: 0, end: 2, text: 'OK' }
 */
export interface ReplyPhrase {
  category: ReplyCategory;
  start: number;
  end: number;
  text: string;
}

/** Objects that may follow "cancel" or "stop" in a reply; anything else ("cancel my order") is a request. */
const CANCEL_OBJECT = '(?:[\\s,.!]+(?:it|that|this|everything|all|please|now|thanks|thank you))*[\\s,.!]*$';

/**
 * Phrases per category, most specific first. Categories are searched in this order and a phrase
 * found hides its words from the later ones: the "no" of "no, it's ORD-2" belongs to the correction,
 * the "sure" of "not sure" to the doubt.
 */
const VOCABULARY: ReadonlyArray<readonly [ReplyCategory, readonly string[]]> = [
  [
    'cancel',
    [
      'never mind',
      'nevermind',
      "(?:i've |i have |i )?changed my mind",
      'change of plans?',
      "(?:i'll |i will |i'd rather |let's )?keep (?:it|them|the (?:order|booking|appointment|subscription|reservation))",
      'nvm',
      'forget it',
      'forget about it',
      'forget that',
      "let's not",
      `cancel${CANCEL_OBJECT}`,
      `stop${CANCEL_OBJECT}`,
      `abort${CANCEL_OBJECT}`,
    ],
  ],
  [
    'correction',
    [
      "(?:no|nope|nah|oops|sorry|wait) (?:it's|it is|its|it should be|that's|that is|i meant|i mean|make that|the right one is)",
      'actually',
      'i meant',
      'i mean',
      'make that',
      'make it',
      'change (?:it|that) to',
      'it should be',
      'should have been',
      'correction',
      'my mistake',
      'my bad',
      'typo',
      'oops',
    ],
  ],
  [
    'unsure',
    [
      "i don't know",
      "don't know",
      'dunno',
      'no idea',
      "i'm not sure",
      'not sure',
      'maybe',
      'perhaps',
      'not certain',
      'let me (?:think|check|see|ask)(?: about it)?',
      'h+m+',
      'u+m+',
      'hold on',
      '(?:give me|wait|just|one) (?:a )?(?:sec|second|moment|minute|min)',
      'one sec',
      "i'll think about it",
      'thinking',
    ],
  ],
  [
    'no',
    [
      "(?:not|don't|do not|please don't) (?:correct|right|ok|okay|yet|go ahead|do it|confirm)",
      'no thanks',
      'no thank you',
      'not now',
      'not really',
      'not today',
      'not yet',
      "don't",
      'do not',
      'no',
      'nope',
      'nah',
      'negative',
      'incorrect',
      'wrong',
    ],
  ],
  [
    'yes',
    [
      'go ahead',
      'please do',
      'do it',
      "that's right",
      "that's correct",
      'sounds good',
      'of course',
      'yes please',
      'yes',
      'yeah',
      'yea',
      'yep',
      'yup',
      'sure',
      'correct',
      'right',
      'ok',
      'okay',
      'alright',
      'confirm',
      'confirmed',
      'absolutely',
      'definitely',
      'certainly',
      'affirmative',
    ],
  ],
];

/** A phrase as a pattern: spaces allow any punctuation run, apostrophes are optional and may be curly. */
function phrasePattern(phrase: string): string {
  return phrase.replaceAll("'", "['’]?").replaceAll(' ', '[\\s,.;:!?-]+');
}

const MATCHERS: ReadonlyArray<readonly [ReplyCategory, RegExp]> = VOCABULARY.map(([category, phrases]) => [
  category,
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${phrases.map(phrasePattern).join('|')})(?![\\p{L}\\p{N}]|['’]\\p{L})`,
    'giu',
  ),
]);

/**
 * Every reply phrase in `text`, in the order they appear, none overlapping another.
 *
 * @example
 * findReplyPhrases("No, it's ORD-2"); // [{ category: 'correction', start: 0, end: 8, text: "No, it's" }]
 */
export function findReplyPhrases(text: string): ReplyPhrase[] {
  let remaining = text;
  const found: ReplyPhrase[] = [];
  for (const [category, matcher] of MATCHERS) {
    for (const match of remaining.matchAll(matcher)) {
      const trimmed = match[0].replace(/[\s,.;:!?-]+$/u, '');
      const start = match.index;
      const end = start + trimmed.length;
      found.push({ category, start, end, text: text.slice(start, end) });
    }
    // Hide what this category took, keeping offsets, so a later category cannot read it again.
    for (const phrase of found) {
      remaining = `${remaining.slice(0, phrase.start)}${'\u0000'.repeat(phrase.end - phrase.start)}${remaining.slice(phrase.end)}`;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
