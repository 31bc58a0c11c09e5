import { regexCandidates, type SlotCandidate } from './slot-candidate.js';

/**
 * Email addresses as people say them, and as voice transcripts write them: "ella dot stone at
 * gmail dot com", "ella underscore stone at gmail.com".
 */

/** Words said for the characters of an address. */
const SPOKEN_CHARACTERS: Readonly<Record<string, string>> = {
  dot: '.',
  period: '.',
  point: '.',
  underscore: '_',
  'under score': '_',
  dash: '-',
  hyphen: '-',
  minus: '-',
  plus: '+',
};
const SEPARATOR = `\\s+(?:${Object.keys(SPOKEN_CHARACTERS).join('|').replace(' ', '\\s+')})\\s+|[._+-]`;
const PART = '[A-Za-z0-9]+';
const DOT = '\\s+(?:dot|period|point)\\s+|\\.';
/** A top-level domain: the common generic ones, or any two letters (a country). */
const TLD =
  '(?:com|net|org|edu|gov|info|biz|io|co|me|app|dev|ai|mail|email|online|shop|store|tech|[A-Za-z]{2})';
const SPOKEN_EMAIL = new RegExp(
  `(?<![A-Za-z0-9._+-])(?!(?:${Object.keys(SPOKEN_CHARACTERS).join('|')}|at)\\b)${PART}(?:(?:${SEPARATOR})${PART})*\\s+at\\s+${PART}(?:(?:${DOT}|\\s+(?:dash|hyphen)\\s+|-)${PART})*(?:${DOT})${TLD}(?![A-Za-z0-9])`,
  'giu',
);

/** The address written out: the spoken words for characters replaced, lower case. */
function writtenAddress(spoken: string): string | undefined {
  const [local = '', domain = ''] = spoken.toLowerCase().split(/\s+at\s+/);
  const write = (part: string) =>
    part.replace(/\s+(under\s+score|[a-z]+)\s+/g, (word, name: string) => {
      const character = SPOKEN_CHARACTERS[name.replace(/\s+/g, ' ')];
      return character ?? word;
    });
  const address = `${write(local)}@${write(domain)}`;
  return /\s/.test(address) || address.includes('..') || /^[._+-]|[._+-]@/.test(address)
    ? undefined
    : address;
}

/**
 * Every email address said in words ("ella dot stone at gmail dot com"), written out in lower
 * case (`ella.stone@gmail.com`). Written addresses (`ella@gmail.com`) are not found here.
 *
 * @example
 * findSpokenEmails('my email is ella dot stone at gmail dot com');
 * // [{ value: 'ella.stone@gmail.com', matched: 'ella dot stone at gmail dot com', start: 12, end: 43, kind: 'email' }]
 */
export function findSpokenEmails(text: string): SlotCandidate[] {
  return regexCandidates(text, SPOKEN_EMAIL, (match) => writtenAddress(match[0]), 'email');
}
