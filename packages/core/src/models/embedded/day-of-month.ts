import type { DateReference } from '../../actions/normalize-date.js';
import { formatDate, wallClockAt } from '../../actions/zoned-time.js';
import { ORDINALS, readOrdinal } from './number-words.js';
import type { TextSpan } from './slot-candidate.js';

/**
 * A day of the month said alone, which chrono does not read: "on the 14th", "the twenty-first".
 */

/** "the 14th", "on the fourteenth", "the 3rd of next month". */
const DAY_OF_MONTH = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:on\\s+)?the\\s+(?<day>${ORDINALS.source})(?:\\s+of\\s+(?<next>this|next)\\s+month)?`,
  'giu',
);

/**
 * One day of the month said, where, and the date it means (`YYYY-MM-DD`).
 *
 * @example
 * const day: DayOfMonth = { start: 0, end: 10, matched: 'the 14th', date: '2026-04-14' };
 */
export interface DayOfMonth extends TextSpan {
  matched: string;
  date: string;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The next date with that day of the month, from the reference's today; "of next month" skips one. */
function nextDate(day: number, reference: DateReference, nextMonth: boolean): string | undefined {
  if (day < 1 || day > 31) return undefined;
  const today = wallClockAt(reference.referenceDate, reference.timezone);
  let { year, month } = today;
  if (nextMonth || day < today.day) month += 1;
  for (let tries = 0; tries < 12; tries += 1) {
    if (month > 12) {
      month = 1;
      year += 1;
    }
    if (day <= daysIn(year, month)) return formatDate({ year, month, day, hour: 0, minute: 0, second: 0 });
    month += 1;
  }
  return undefined;
}

/**
 * Every day of the month said alone in the text, as the next such date in the reference's time
 * zone ("the 14th" on March 20 is April 14; "the 31st" skips months without one). A day in words
 * counts after "on" ("on the fourteenth"), not in "the first one".
 *
 * @example
 * findDaysOfMonth('on the 14th at 6:30', { referenceDate: new Date('2026-03-20T10:00:00Z'), timezone: 'UTC' });
 * // [{ start: 0, end: 11, matched: 'on the 14th', date: '2026-04-14' }]
 */
export function findDaysOfMonth(text: string, reference: DateReference): DayOfMonth[] {
  const found: DayOfMonth[] = [];
  for (const match of text.matchAll(DAY_OF_MONTH)) {
    const said = match.groups?.day ?? '';
    // "the first one" is a choice; a word is a day only after "on" or before "of next month".
    const cued = /^on\s/i.test(match[0]) || match.groups?.next !== undefined;
    if (!/^\d/.test(said) && !cued) continue;
    const day = readOrdinal(said);
    const date =
      day === undefined ? undefined : nextDate(day, reference, match.groups?.next?.toLowerCase() === 'next');
    if (date === undefined) continue;
    found.push({ start: match.index, end: match.index + match[0].length, matched: match[0], date });
  }
  return found;
}
