import type { ParameterSchema } from '../../actions/action-definition.js';
import { descriptionWords, nameWords } from './parameter-name.js';
import type { SlotCandidate } from './slot-candidate.js';

/**
 * A party counted in parts: "3 adults and 2 kids" is a party of five.
 */

const HEADCOUNT_WORDS: ReadonlySet<string> = new Set([
  'party',
  'guests',
  'guest',
  'people',
  'persons',
  'covers',
  'attendees',
  'travellers',
  'travelers',
  'passengers',
  'group',
  'headcount',
  'pax',
]);

/**
 * True when a number parameter counts people: `party_size`, `guests`, "Number of guests".
 *
 * @example
 * isHeadcountParameter('party_size', { type: 'integer' }); // true
 * isHeadcountParameter('quantity', { type: 'integer' }); // false
 */
export function isHeadcountParameter(name: string, schema: ParameterSchema): boolean {
  return [...nameWords(name), ...descriptionWords(schema.description)].some((word) =>
    HEADCOUNT_WORDS.has(word),
  );
}

const PEOPLE =
  /^\s*(?:adults?|kids?|children|child|people|persons|guests?|babies|baby|infants?|toddlers?|teens?|teenagers?|seniors?|students?)\b/iu;
const JOIN = /^\s*(?:,\s*)?(?:and|plus|&|\+|,)\s*$/iu;

/**
 * The sums of numbers of people said in parts ("3 adults and 2 kids", "two adults, one child"),
 * as one candidate spanning them all; the parts stay candidates of their own, inside it.
 *
 * @example
 * sumsOfPeople('3 adults and 2 kids', numbersIn('3 adults and 2 kids')); // [{ value: 5, matched: '3 adults and 2 kids', ... }]
 */
export function sumsOfPeople(text: string, numbers: readonly SlotCandidate[]): SlotCandidate[] {
  const sums: SlotCandidate[] = [];
  let run: SlotCandidate[] = [];
  let runEnd = 0;
  const close = () => {
    const first = run[0];
    if (run.length >= 2 && first) {
      const value = run.reduce((total, part) => total + Number(part.value), 0);
      sums.push({
        value,
        matched: text.slice(first.start, runEnd),
        start: first.start,
        end: runEnd,
        kind: 'number',
      });
    }
    run = [];
  };
  for (const number of [...numbers].sort((a, b) => a.start - b.start)) {
    const noun = PEOPLE.exec(text.slice(number.end));
    if (!noun) {
      close();
      continue;
    }
    if (run.length > 0 && !JOIN.test(text.slice(runEnd, number.start))) close();
    run.push(number);
    runEnd = number.end + noun[0].length;
  }
  close();
  return sums;
}
