import type { ActionName } from './catalogue.js';

/** The kinds of understanding the suite measures (one data file each). */
export const CATEGORIES = [
  'one_shot',
  'multi_value',
  'ask_missing',
  'choose_action',
  'corrections',
  'normalization',
  'confirmations',
  'free_text',
  'failures',
  'off_topic',
  'greetings',
  'long_messages',
  'results',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** A request the business must receive during a turn: the action and the arguments that matter. */
export interface ExpectedRequest {
  action: ActionName;
  /**
   * Arguments that must be sent, each equal (as text, case and spacing ignored) or matching a
   * regex. Arguments not listed are not checked; list all of them where only some may change.
   */
  args?: Record<string, string | number | boolean | RegExp>;
  /** Arguments that must not be sent: the customer never gave them (no invented values). */
  absent?: string[];
}

/** The agents' time zone. */
export const AGENT_TIME_ZONE = 'America/New_York';

/**
 * The reference time of every conversation (Wednesday, March 10, 2027, 10:00 in New York):
 * "tomorrow" is 2027-03-11, "this Friday" 2027-03-12, whatever day the suite runs.
 */
export const REFERENCE_TIME = '2027-03-10T15:00:00Z';

/** One customer message and what a good agent does with it. */
export interface Turn {
  say: string;
  /** Every regex matches the reply. */
  reply?: RegExp | RegExp[];
  /** No regex matches the reply. */
  notReply?: RegExp | RegExp[];
  /**
   * The one request the business receives during this turn. Absent: no request at all (every
   * request a dialogue causes is written down).
   */
  request?: ExpectedRequest;
  /** The agent reads a call back and waits for a yes (an `approval-requested` event). */
  confirms?: boolean;
  /** The agent asks for this parameter, and for no other (a `parameter-requested` event). */
  asks?: string;
}

/** A whole conversation, played in a fresh conversation of an agent with `actions`. */
export interface Dialogue {
  id: string;
  category: Category;
  /** The actions the agent may use: a few, or the whole catalogue. */
  actions: readonly ActionName[] | 'all';
  /** The conversation's reference time, when not {@link REFERENCE_TIME}. */
  referenceTime?: string;
  turns: Turn[];
}

/**
 * Things a good agent never says to a customer: raw JSON, a stem, an unfilled placeholder,
 * "I didn't get that" where it did. Checked on every reply of every dialogue.
 */
export const NEVER_SAY: readonly RegExp[] = [/[{[]\s*"/, /\bundefined\b|\bnull\b|\[object Object\]/];

/** Reply patterns shared by the data files. */
export const says = {
  /** Asks for a confirmation in words ("shall I go ahead?", "OK to book?"). */
  confirmQuestion: /shall i|should i|go ahead|confirm|is that (right|correct)|ok\?/i,
  /** Says it could not do it (honestly, without pretending it worked). */
  failed: /sorry|couldn.?t|could not|unable|not able|problem|went wrong/i,
  /** Did not understand: what the agent says when nothing fitted. */
  notUnderstood: /didn.?t (quite )?(get|understand)|not sure what you mean/i,
  /** Offers what it can help with. */
  offersHelp: /help (you )?with|i can|options/i,
  /** Asks which of several actions is meant. */
  whichOne: /which (one|of)|do you mean|did you mean|would you like to/i,
};
