import type { ActionDefinition } from '../../actions/action-definition.js';
import { chooseSlotStrategy } from './choose-slot-strategy.js';
import { tokenize } from './intent/tokenize.js';

/** Parameters that hold the customer's own account of things: a reason, a problem, a message. */
const DETAILS_NAME =
  /(?:^|_)(?:reason|problem|issue|description|details?|message|comments?|notes?|summary|complaint|question|request|symptoms?)$/;
const DETAILS_DESCRIPTION =
  /\b(?:in (?:their|the customer's|the customer’s|your) (?:own )?words|describe|what went wrong|why)\b/i;

/** Where a request splits into clauses: punctuation, and words that start an explanation. */
const CLAUSE_BREAK = /\s*(?:[.;:!?,\n]+|\s-\s|\b(?:because|since|as)\b)\s*/iu;
/** A clause holding a value of another parameter ("ORD-13579", an email, a phone) is not the details. */
const VALUE_MARK = '\u2063';
const HOLDS_VALUE = new RegExp(`${VALUE_MARK}|\\p{N}{2,}|\\b\\p{Lu}{2,}[-_]?\\p{N}+`, 'u');
/** Emails and links hold dots that are not the end of a clause: each becomes one marker first. */
const DOTTED_VALUE = /\S+@\S+|https?:\/\/\S+/gu;
/** Openings and closings that are not the customer's account. */
const COURTESY =
  /^(?:hi|hello|hey|thanks|thank you|please|cheers|good (?:morning|afternoon|evening))\b[\s\p{L}]{0,12}$/iu;

const MAX_DETAILS_CHARS = 500;

/** The free-text parameter that takes the customer's account, if the action has one. */
export function detailsParameter(action: ActionDefinition): string | undefined {
  const properties = action.parameters?.properties ?? {};
  return Object.keys(properties).find((name) => {
    const schema = properties[name];
    if (!schema || chooseSlotStrategy(schema, false, name) !== undefined) return false;
    if (chooseSlotStrategy(schema, true, name) !== 'free-text') return false;
    return DETAILS_NAME.test(name.toLowerCase()) || DETAILS_DESCRIPTION.test(schema.description ?? '');
  });
}

/**
 * The customer's own account in a request that names the action: "I want a refund for ORD-13579,
 * the jacket arrived torn" gives "the jacket arrived torn" for a `reason`. The request splits into
 * clauses; a clause that names the action ("I want a refund"), holds another value or only
 * greets is left out, and what remains, in order, is the account, if it says something (two
 * meaningful words: "I have a problem" is not an account). The agent reads it back before
 * a call that changes anything, so a wrong cut is corrected there. Nothing when what remains has
 * fewer than three words.
 *
 * @example
 * accountInRequest('open a ticket: my password reset email never arrives. reply to tom@example.com', ticketAction);
 * // 'my password reset email never arrives'
 */
export function accountInRequest(text: string, action: ActionDefinition): string | undefined {
  const actionWords = new Set(tokenize(`${action.name.replaceAll('_', ' ')} ${action.displayName ?? ''}`));
  const kept = text
    .replace(DOTTED_VALUE, ` ${VALUE_MARK} `)
    .split(CLAUSE_BREAK)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '')
    .filter((clause) => !HOLDS_VALUE.test(clause) && !COURTESY.test(clause))
    .filter((clause) => !tokenize(clause).some((word) => actionWords.has(word)));
  const account = kept.join(', ').slice(0, MAX_DETAILS_CHARS).trim();
  // "I have a problem" says there is one, not what it is.
  return account.split(/\s+/).length >= 3 && tokenize(account).length >= 2 ? account : undefined;
}
