import { findReplyPhrases } from '../../agent/reply-phrases.js';
import { regexCandidates, type SlotCandidate } from './slot-candidate.js';

const LITERAL = /(?<![\p{L}\p{N}])(?:true|false)(?![\p{L}\p{N}])/giu;

/**
 * Every yes (`true`) and no (`false`) in a reply, by the words {@link classifyReply} knows, plus
 * the words "true" and "false". A correction's "no" ("no, it's ...") and doubt ("not sure") are
 * neither.
 *
 * @example
 * findBooleans('Yes please'); // [{ value: true, matched: 'Yes please', ... }]
 * findBooleans('nope'); // [{ value: false, matched: 'nope', ... }]
 */
export function findBooleans(text: string): SlotCandidate[] {
  const words: SlotCandidate[] = findReplyPhrases(text).flatMap((phrase) =>
    phrase.category === 'yes' || phrase.category === 'no'
      ? [
          {
            value: phrase.category === 'yes',
            matched: phrase.text,
            start: phrase.start,
            end: phrase.end,
            kind: 'boolean',
          },
        ]
      : [],
  );
  const literals = regexCandidates(text, LITERAL, (match) => match[0].toLowerCase() === 'true', 'boolean');
  return [...words, ...literals].sort((a, b) => a.start - b.start);
}
