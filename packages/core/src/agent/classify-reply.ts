import { findReplyPhrases } from './reply-phrases.js';

/**
 * What a customer's reply says about the question it answers; several may hold at once.
 *
 * @example
 * const reply: ReplyClass = { yes: false, no: true, cancel: true, correction: false, unsure: false, otherWords: 0 }; // 'no, never mind'
 */
export interface ReplyClass {
  /** Agrees: "yes", "yep", "sure", "correct", "go ahead", "please do", "ok". */
  yes: boolean;
  /** Refuses: "no", "nope", "don't", "not now". Not set by a correction's "no, it's ...". */
  no: boolean;
  /** Drops the whole request: "never mind", "cancel", "forget it", "stop". */
  cancel: boolean;
  /** Replaces something said before: "actually", "I meant", "sorry, it's", "no, it's". */
  correction: boolean;
  /** Doubt or a pause: "not sure", "hmm, let me think", "hold on". Neither a yes nor a no. */
  unsure: boolean;
  /** How many words the reply has outside those phrases: 0 for "hmm, let me think". */
  otherWords: number;
}

/**
 * Classifies a reply to the agent's question by its words: whole words, any case, punctuation
 * between words ignored. A correction's leading "no" ("no, it's ORD-2") is part of the correction,
 * not a refusal; a negated yes ("not right", "don't do it") is a no; doubt ("not sure", "I don't
 * know") is neither. "cancel" and "stop" count only as the whole reply ("cancel", "stop it
 * please"), since "cancel my order" is a request, not a reply.
 *
 * @example
 * classifyReply('Yep, go ahead!'); // { yes: true, no: false, cancel: false, correction: false, unsure: false, otherWords: 0 }
 * classifyReply("no, it's ORD-2"); // { yes: false, ..., correction: true, otherWords: 2 }
 */
export function classifyReply(text: string): ReplyClass {
  const phrases = findReplyPhrases(text);
  const categories = new Set(phrases.map((phrase) => phrase.category));
  let rest = text;
  for (const phrase of [...phrases].reverse())
    rest = `${rest.slice(0, phrase.start)} ${rest.slice(phrase.end)}`;
  // "no, 4pm" and "no wait, use 646 555 0100" give the right value: a correction, not a refusal.
  const refusalWithValue = categories.has('no') && !categories.has('cancel') && /\p{N}/u.test(rest);
  return {
    unsure: categories.has('unsure'),
    otherWords: rest.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '').length,
    yes: categories.has('yes'),
    no: categories.has('no') && !refusalWithValue,
    cancel: categories.has('cancel'),
    // "actually, I've changed my mind" drops the request; it does not correct a value.
    correction:
      refusalWithValue ||
      phrases.some(
        (phrase) =>
          phrase.category === 'correction' && !(categories.has('cancel') && /^actually$/i.test(phrase.text)),
      ),
  };
}
