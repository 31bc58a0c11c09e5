import type { ParameterSchema } from '../../actions/action-definition.js';
import type { DateReference } from '../../actions/normalize-date.js';
import type { SlotStrategy } from './choose-slot-strategy.js';
import { deriveExampleShape, findShapedTokens } from './derive-example-shape.js';
import { enumSynonyms } from './enum-synonyms.js';
import { findBooleans } from './find-booleans.js';
import { findConsent } from './find-consent.js';
import { findDates } from './find-dates.js';
import { findEmails } from './find-emails.js';
import { findEnumValues } from './find-enum-values.js';
import { findIdValues, spelledInShape } from './find-id-tokens.js';
import { findNumbers } from './find-numbers.js';
import { findOrganizations } from './find-organizations.js';
import {
  caseForPattern,
  findPatternTokens,
  matchesPattern,
  matchesPatternLoosely,
} from './find-pattern-tokens.js';
import { findPhones } from './find-phones.js';
import { findTimes } from './find-times.js';
import { freeTextAnswers } from './free-text-answer.js';
import { isHeadcountParameter, sumsOfPeople } from './headcount.js';
import { findPersonNames, personNamePart } from './person-name.js';
import { blankOut, overlapsAny, type SlotCandidate, type TextSpan } from './slot-candidate.js';
import { spelledCandidates } from './spelled-tokens.js';
import { timeStyleOf } from './time-parameter.js';

/**
 * What a search for one parameter's value needs to know beyond the text.
 *
 * @example
 * const context: SlotSearchContext = {
 *   reference: { referenceDate: new Date(), timezone: 'UTC' }, defaultRegion: 'US', synonyms: {},
 *   asked: false, questioned: false, claimed: [], otherValueSpans: () => [], actionDescription: '', parameter: 'guests',
 * };
 */
export interface SlotSearchContext {
  reference: DateReference;
  defaultRegion: string;
  /** Synonyms of this parameter's enum values, by value. */
  synonyms: Readonly<Record<string, readonly string[]>>;
  /** The agent just asked for this parameter, or for one of several still missing with it. */
  asked: boolean;
  /** The agent's question named this parameter: a bare "4" or "the third" answers it. */
  questioned: boolean;
  /** Text already read as another parameter's value. */
  claimed: readonly TextSpan[];
  /** Text holding dates, times, phone numbers and emails: its digits are no quantity nor id. */
  otherValueSpans: () => readonly TextSpan[];
  /** The action's description, whose examples ("like ORD-12345") show what its ids look like. */
  actionDescription: string;
  /** The parameter's name: `first_name` takes the first word of a name. */
  parameter: string;
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

/** True when a text value matches the schema's `pattern`, if it has one. */
function keepsToPattern(value: unknown, schema: ParameterSchema): boolean {
  return schema.pattern === undefined || typeof value !== 'string' || matchesPattern(value, schema.pattern);
}

/** Tokens spelled out ("o r d one two three four five") that match the pattern, in its case. */
function spelledForPattern(text: string, pattern: string): SlotCandidate[] {
  return spelledCandidates(
    text,
    (token) => (matchesPatternLoosely(token, pattern) ? caseForPattern(token, pattern) : undefined),
    'pattern',
  );
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
): readonly SlotCandidate[] {
  switch (strategy) {
    case 'email':
      return findEmails(text);
    case 'phone':
      return findPhones(text, context.defaultRegion);
    case 'time':
      return findTimes(text, timeStyleOf(schema) ?? '24h', context.questioned);
    case 'date':
    case 'date-time':
      // A time another parameter took ("at 7:30pm" for `time`) leaves the day to the date.
      return findDates(blankOut(text, context.claimed), strategy, context.reference);
    case 'pattern':
      return [
        ...findPatternTokens(text, schema.pattern ?? ''),
        ...spelledForPattern(text, schema.pattern ?? ''),
      ];
    case 'example-shape': {
      const shape = deriveExampleShape(schema.examples);
      return shape ? [...findShapedTokens(text, shape), ...spelledInShape(text, shape)] : [];
    }
    case 'id':
      return findIdValues(text, schema, context.actionDescription, context.otherValueSpans());
    case 'enum':
      return findEnumValues(
        text,
        schema.enum ?? [],
        enumSynonyms(schema.enum ?? [], context.synonyms, schema.description ?? ''),
      );
    case 'number': {
      const numbers = findNumbers(text, { ordinals: context.questioned }).filter(
        (candidate) => !overlapsAny(candidate, context.otherValueSpans()),
      );
      return isHeadcountParameter(context.parameter, schema)
        ? [...numbers, ...sumsOfPeople(text, numbers)]
        : numbers;
    }
    case 'person-name':
      return findPersonNames(text, personNamePart(context.parameter, schema) ?? 'full');
    case 'organization':
      return findOrganizations(text);
    case 'consent':
      return findConsent(text);
    case 'boolean':
      return findBooleans(text);
    case 'free-text':
      return freeTextAnswers(text, context.claimed);
  }
}

/** Strategies that guess a plain string's shape: when questioned and nothing has it, the answer is the value. */
const GUESSED: ReadonlySet<SlotStrategy> = new Set([
  'id',
  'time',
  'person-name',
  'organization',
  'phone',
  'email',
  'date',
  'date-time',
]);

/** True for a plain string (no format) read by a shape guessed from its name or description. */
const isGuessed = (strategy: SlotStrategy, schema: ParameterSchema) =>
  schema.format === undefined && GUESSED.has(strategy);

/**
 * The possible values of one parameter in the text, by the given strategy: outside text other
 * parameters already took, within the schema's bounds. A pattern parameter the agent just asked
 * for takes the whole answer (without lead-ins) first when it matches the pattern: "Sure, it's
 * Jane Doe" is "Jane Doe" for `^[A-Za-z ]+$`, not a choice between "Sure" and "Jane Doe". A plain
 * string read by a shape guessed from its name (an id, a time, a name, a phone number without
 * `format`) takes the whole answer when the question named it and nothing has that shape.
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
  const usable = (candidates: readonly SlotCandidate[]) =>
    candidates.filter(
      (candidate) =>
        !overlapsAny(candidate, context.claimed) &&
        fitsSchema(candidate.value, schema) &&
        (strategy === 'pattern' || keepsToPattern(candidate.value, schema)),
    );
  if (strategy === 'pattern' && context.asked && schema.pattern !== undefined) {
    const whole = usable(wholeAnswerForPattern(text, schema.pattern, context.claimed));
    if (whole.length > 0) return whole;
  }
  const found = usable(rawCandidates(strategy, text, schema, context));
  if (found.length > 0 || !context.questioned || !isGuessed(strategy, schema)) return found;
  return usable(freeTextAnswers(text, context.claimed));
}
