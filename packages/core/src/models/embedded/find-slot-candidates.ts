import type { ParameterSchema } from '../../actions/action-definition.js';
import type { DateReference } from '../../actions/normalize-date.js';
import type { SlotStrategy } from './choose-slot-strategy.js';
import { deriveExampleShape, findShapedTokens } from './derive-example-shape.js';
import { findBooleans } from './find-booleans.js';
import { findDates } from './find-dates.js';
import { findEmails } from './find-emails.js';
import { findEnumValues } from './find-enum-values.js';
import { findIdValues } from './find-id-tokens.js';
import { findNumbers } from './find-numbers.js';
import { caseForPattern, findPatternTokens, matchesPatternLoosely } from './find-pattern-tokens.js';
import { findPhones } from './find-phones.js';
import { freeTextAnswers } from './free-text-answer.js';
import { overlapsAny, type SlotCandidate, type TextSpan } from './slot-candidate.js';

/**
 * What a search for one parameter's value needs to know beyond the text.
 *
 * @example
 * const context: SlotSearchContext = {
 *   reference: { referenceDate: new Date(), timezone: 'UTC' }, defaultRegion: 'US', synonyms: {},
 *   asked: false, claimed: [], otherValueSpans: () => [], actionDescription: '',
 * };
 */
export interface SlotSearchContext {
  reference: DateReference;
  defaultRegion: string;
  /** Synonyms of this parameter's enum values, by value. */
  synonyms: Readonly<Record<string, readonly string[]>>;
  /** The agent just asked for this parameter. */
  asked: boolean;
  /** Text already read as another parameter's value. */
  claimed: readonly TextSpan[];
  /** Text holding dates, times, phone numbers and emails: its digits are no quantity nor id. */
  otherValueSpans: () => readonly TextSpan[];
  /** The action's description, whose examples ("like ORD-12345") show what its ids look like. */
  actionDescription: string;
}

/**
 * True when the value keeps to the schema's bounds: length for text (in characters, as JSON
 * Schema counts), `minimum`/`maximum`, whole numbers for integers, `enum` for numbers.
 *
 * @example
 * fitsSchema(2.5, { type: 'integer' }); // false
 * fitsSchema('ORD-1', { type: 'string', minLength: 6 }); // false
 */
export function fitsSchema(value: unknown, schema: ParameterSchema): boolean {
  if (typeof value === 'string') {
    const length = [...value].length;
    return length >= (schema.minLength ?? 0) && length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  }
  if (typeof value === 'number') {
    if (schema.type === 'integer' && !Number.isInteger(value)) return false;
    if (schema.minimum !== undefined && value < schema.minimum) return false;
    if (schema.maximum !== undefined && value > schema.maximum) return false;
    return schema.enum === undefined || schema.type === 'string' || schema.enum.includes(value);
  }
  return true;
}

/** The whole answer, when the agent asked for this parameter and it matches the pattern as a whole. */
function wholeAnswerForPattern(text: string, pattern: string, claimed: readonly TextSpan[]): SlotCandidate[] {
  return freeTextAnswers(text, claimed)
    .filter((candidate) => matchesPatternLoosely(candidate.matched, pattern))
    .map((candidate) => ({
      ...candidate,
      value: caseForPattern(candidate.matched, pattern),
      kind: 'pattern',
    }));
}

function rawCandidates(
  strategy: SlotStrategy,
  text: string,
  schema: ParameterSchema,
  context: SlotSearchContext,
): SlotCandidate[] {
  switch (strategy) {
    case 'email':
      return findEmails(text);
    case 'phone':
      return findPhones(text, context.defaultRegion);
    case 'date':
    case 'date-time':
      return findDates(text, strategy, context.reference);
    case 'pattern':
      return findPatternTokens(text, schema.pattern ?? '');
    case 'example-shape': {
      const shape = deriveExampleShape(schema.examples);
      return shape ? findShapedTokens(text, shape) : [];
    }
    case 'id':
      return findIdValues(text, schema, context.actionDescription, context.otherValueSpans());
    case 'enum':
      return findEnumValues(text, schema.enum ?? [], context.synonyms);
    case 'number':
      return findNumbers(text).filter((candidate) => !overlapsAny(candidate, context.otherValueSpans()));
    case 'boolean':
      return findBooleans(text);
    case 'free-text':
      return freeTextAnswers(text, context.claimed);
  }
}

/** Strategies that guess a plain string's shape: when asked and nothing has it, the answer is the value. */
const FREE_TEXT_WHEN_ASKED: ReadonlySet<SlotStrategy> = new Set(['id']);

/**
 * The possible values of one parameter in the text, by the given strategy: outside text other
 * parameters already took, within the schema's bounds. A pattern parameter the agent just asked
 * for takes the whole answer (without lead-ins) first when it matches the pattern: "Sure, it's
 * Jane Doe" is "Jane Doe" for `^[A-Za-z ]+$`, not a choice between "Sure" and "Jane Doe". A plain
 * string read by a guessed shape (an id) takes the whole answer when asked and nothing has it.
 *
 * @example
 * findSlotCandidates('number', 'party of 3', { type: 'integer', minimum: 1 }, context);
 * // [{ value: 3, matched: '3', start: 9, end: 10, kind: 'number' }]
 */
export function findSlotCandidates(
  strategy: SlotStrategy,
  text: string,
  schema: ParameterSchema,
  context: SlotSearchContext,
): SlotCandidate[] {
  const usable = (candidates: SlotCandidate[]) =>
    candidates.filter(
      (candidate) => !overlapsAny(candidate, context.claimed) && fitsSchema(candidate.value, schema),
    );
  if (strategy === 'pattern' && context.asked && schema.pattern !== undefined) {
    const whole = usable(wholeAnswerForPattern(text, schema.pattern, context.claimed));
    if (whole.length > 0) return whole;
  }
  const found = usable(rawCandidates(strategy, text, schema, context));
  if (found.length > 0 || !context.asked || !FREE_TEXT_WHEN_ASKED.has(strategy)) return found;
  return usable(freeTextAnswers(text, context.claimed));
}
