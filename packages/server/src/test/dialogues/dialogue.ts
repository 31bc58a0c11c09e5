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
  args?: Record<string, string | number | boolean | RegExp | RelativeDate>;
}

/** A date said relative to today ("tomorrow"), worked out when the turn is checked. */
export interface RelativeDate {
  daysFromToday: number;
}

/** The agents' time zone: "tomorrow" is tomorrow there. */
export const AGENT_TIME_ZONE = 'America/New_York';

/**
 * `YYYY-MM-DD` of today plus `days` in the agents' time zone. The API has no reference time per
 * conversation yet, so relative dates are checked against the real clock; once it has one, give
 * the dialogues a fixed reference time and write these dates out.
 */
export function dateFromToday(days: number, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: AGENT_TIME_ZONE }).format(now);
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

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
