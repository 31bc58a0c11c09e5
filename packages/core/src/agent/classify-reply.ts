import { findReplyPhrases } from './reply-phrases.js';

/**
 * What a customer's reply says about the question it answers; several may hold at once.
 *
 * @example
 * const reply: ReplyClass = { yes: false, no: true, cancel: true, correction: false }; // 'no, never mind'
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
}

/**
 * Classifies a reply to the agent's question by its words: whole words, any case, punctuation
 * between words ignored. A correction's leading "no" ("no, it's ORD-2") is part of the correction,
 * not a refusal; a negated yes ("not right", "don't do it") is a no; doubt ("not sure", "I don't
 * know") is neither. "cancel" and "stop" count only as the whole reply ("cancel", "stop it
 * please"), since "cancel my order" is a request, not a reply.
 *
 * @example
 * classifyReply('Yep, go ahead!'); // { yes: true, no: false, cancel: false, correction: false }
 * classifyReply("no, it's ORD-2"); // { yes: false, no: false, cancel: false, correction: true }
 */
export function classifyReply(text: string): ReplyClass {
  const categories = new Set(findReplyPhrases(text).map((phrase) => phrase.category));
  return {
    yes: categories.has('yes'),
    no: categories.has('no'),
    cancel: categories.has('cancel'),
    correction: categories.has('correction'),
  };
}
