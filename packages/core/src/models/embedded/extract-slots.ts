import type { ParametersSchema } from '../../actions/action-definition.js';
import { chooseSlotStrategy, type SlotStrategy, STRATEGY_ORDER } from './choose-slot-strategy.js';
import { findDateSpans } from './find-dates.js';
import { findEmails } from './find-emails.js';
import { findPhoneSpans } from './find-phones.js';
import { findSlotCandidates } from './find-slot-candidates.js';
import { findTimeSpans } from './find-times.js';
import { recentResults } from './recent-results.js';
import { resolveCandidates } from './resolve-candidates.js';
import type { SlotKind, TextSpan } from './slot-candidate.js';

/**
 * What {@link extractSlots} reads relative dates and national phone numbers against.
 *
 * @example
 * const options: ExtractSlotsOptions = {
 *   referenceDate: new Date(), timezone: 'America/New_York', defaultRegion: 'US', only: ['order_id'],
 * };
 */
export interface ExtractSlotsOptions {
  /** The instant "now" means for "tomorrow", "next Friday". */
  referenceDate: Date;
  /** IANA time zone of the customer (`America/New_York`); `UTC` for none. */
  timezone: string;
  /** ISO 3166 region for phone numbers written without `+country code` (`US`, `GB`). */
  defaultRegion: string;
  /**
   * Only look for these parameters: the ones still missing. The first (in the order of the
   * schema's properties) is the one the agent's question named; only it takes a bare answer
   * that could be anything ("4" as a time, "the third" as a number).
   */
  only?: string[];
  /** Other words for enum values, by parameter then value: `{ speed: { express: ['fast'] } }`. */
  synonyms?: Record<string, Record<string, string[]>>;
  /** The action's description: its examples in prose ("like ORD-12345") shape ids. */
  actionDescription?: string;
}

/**
 * Why a value was taken, or, with kind `ambiguous`, one of several values found for a parameter.
 *
 * @example
 * const evidence: SlotEvidence = { parameter: 'order_id', value: 'ORD-2', matched: 'ord-2', kind: 'pattern' };
 */
export interface SlotEvidence {
  parameter: string;
  value: unknown;
  /** The customer's text the value was read from. */
  matched: string;
  kind: SlotKind;
}

/**
 * The values read from one reply, and the evidence for each.
 *
 * @example
 * const slots: ExtractedSlots = { values: { guests: 3 }, evidence: [{ parameter: 'guests', value: 3, matched: 'three', kind: 'number' }] };
 */
export interface ExtractedSlots {
  values: Record<string, unknown>;
  evidence: SlotEvidence[];
}

interface PlannedSlot {
  parameter: string;
  strategy: SlotStrategy;
  asked: boolean;
  /** The first of `only`: the one the agent's question named. */
  questioned: boolean;
}

/** Plans by parameters object and asked names: one turn plans each action's parameters several times. */
const plans = new WeakMap<ParametersSchema, Map<string, readonly PlannedSlot[]>>();

/** The parameters to look for and how, most specific first; kept per parameters object (read-only). */
function plan(parameters: ParametersSchema, only: readonly string[] | undefined): readonly PlannedSlot[] {
  const key = only === undefined ? '\u0001' : only.join('\u0000');
  let byOnly = plans.get(parameters);
  const known = byOnly?.get(key);
  if (known) return known;
  const planned = planAfresh(parameters, only);
  if (!byOnly) {
    byOnly = new Map();
    plans.set(parameters, byOnly);
  }
  if (byOnly.size >= 64) byOnly.clear();
  byOnly.set(key, planned);
  return planned;
}

function planAfresh(parameters: ParametersSchema, only: readonly string[] | undefined): PlannedSlot[] {
  const planned: PlannedSlot[] = [];
  const names = Object.keys(parameters.properties);
  const first = only === undefined ? undefined : names.find((name) => only.includes(name));
  for (const [parameter, schema] of Object.entries(parameters.properties)) {
    if (only !== undefined && !only.includes(parameter)) continue;
    const asked = only !== undefined;
    const strategy = chooseSlotStrategy(schema, asked, parameter);
    if (strategy !== undefined) planned.push({ parameter, strategy, asked, questioned: parameter === first });
  }
  return planned.sort((a, b) => STRATEGY_ORDER.indexOf(a.strategy) - STRATEGY_ORDER.indexOf(b.strategy));
}

/**
 * Text holding dates, phone numbers, emails and times, whose digits are no quantity nor id; kept
 * for the next reads of the same message (choosing by values reads it for every action).
 */
const otherValueSpans = recentResults(
  16,
  (text: string, referenceDate: Date, region: string) => `${referenceDate.getTime()}|${region}|${text}`,
  (text: string, referenceDate: Date, region: string): readonly TextSpan[] => [
    ...findDateSpans(text, referenceDate),
    ...findPhoneSpans(text, region),
    ...findEmails(text),
    ...findTimeSpans(text),
  ],
);

/**
 * Fills an action's parameters from what a customer typed, without a model. Each parameter is
 * read by what its schema says it is:
 *
 * - `format`: an email address; a phone number in E.164 (national numbers read in
 *   `defaultRegion`); a date as `YYYY-MM-DD` or a date-time as ISO 8601 with the offset of
 *   `timezone`, from "tomorrow", "next Friday at 3pm", "March 3rd" relative to `referenceDate`.
 * - `pattern`: a token matching it, case ignored, written in the case the pattern implies
 *   (`ord-12345` -> `ORD-12345`); without a pattern, a token shaped like the `examples`.
 * - an id by its name or description (`order_id`, `sku`, "booking reference"): a token shaped like
 *   the examples its description or the action's `actionDescription` shows ("like ORD-12345"),
 *   else any token mixing letters and digits or of four digits or more (`A-99812`, `5512`).
 * - `enum`: a value, a synonym of one, or a plural of either, case ignored.
 * - number and integer: digits (`3`, `3.5`) or a word from zero to twenty, within the bounds.
 * - boolean and plain strings only when asked for (named in `only`): yes/no words; the whole
 *   reply without lead-ins like "sure," or "my name is".
 *
 * Parameters are read most specific first and text one parameter took is not read again (an email
 * is not also an id). Different values for one parameter are not guessed between: none is taken
 * and each is reported with kind `ambiguous`, unless a correction ("actually", "I meant") comes
 * before exactly one. Throws a `RangeError` for an unknown time zone, or an unknown region when a
 * phone number is looked for.
 *
 * @example
 * extractSlots('Order ord-12345, email jane@example.com', {
 *   type: 'object',
 *   properties: { order_id: { type: 'string', pattern: '^ORD-\\d+$' }, email: { type: 'string', format: 'email' } },
 * }, { referenceDate: new Date(), timezone: 'UTC', defaultRegion: 'US' }).values;
 * // { email: 'jane@example.com', order_id: 'ORD-12345' }
 */
export function extractSlots(
  text: string,
  parameters: ParametersSchema,
  options: ExtractSlotsOptions,
): ExtractedSlots {
  const values: Record<string, unknown> = {};
  const evidence: SlotEvidence[] = [];
  const claimed: TextSpan[] = [];
  const reference = { referenceDate: options.referenceDate, timezone: options.timezone };
  const otherValueSpansOnce = () => otherValueSpans(text, options.referenceDate, options.defaultRegion);
  for (const { parameter, strategy, asked, questioned } of plan(parameters, options.only)) {
    const schema = parameters.properties[parameter];
    if (schema === undefined) continue;
    const candidates = findSlotCandidates(strategy, text, schema, {
      reference,
      defaultRegion: options.defaultRegion,
      synonyms: options.synonyms?.[parameter] ?? {},
      asked,
      questioned,
      claimed,
      otherValueSpans: otherValueSpansOnce,
      actionDescription: options.actionDescription ?? '',
      parameter,
    });
    const resolution = resolveCandidates(candidates, text);
    if (resolution.outcome === 'filled') {
      const { value, matched, kind } = resolution.candidate;
      values[parameter] = value;
      evidence.push({ parameter, value, matched, kind });
    } else if (resolution.outcome === 'ambiguous') {
      for (const { value, matched } of resolution.candidates) {
        evidence.push({ parameter, value, matched, kind: 'ambiguous' });
      }
    }
    claimed.push(...candidates);
  }
  return { values, evidence };
}
