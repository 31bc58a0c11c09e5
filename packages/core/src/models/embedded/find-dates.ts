import * as chrono from 'chrono-node';
import { type DateReference, normalizeDate, normalizeDateTime } from '../../actions/normalize-date.js';
import { findDaysOfMonth } from './day-of-month.js';
import { findTimes } from './find-times.js';
import { recentResults } from './recent-results.js';
import { overlapsAny, type SlotCandidate, type TextSpan } from './slot-candidate.js';

/**
 * Where the text mentions a date or time ("tomorrow at 3pm", "March 3rd", "2026-03-25"), as
 * chrono reads it. Numbers inside these are not quantities.
 *
 * @example
 * findDateSpans('table for 4 on March 3rd', new Date('2026-03-20T10:00:00Z')); // [{ start: 15, end: 24 }]
 */
export function findDateSpans(text: string, referenceDate: Date): readonly TextSpan[] {
  return chronoSpans(text, referenceDate);
}

/** chrono's spans of a message, kept for the next reads of the same message in the turn. */
const chronoSpans = recentResults(
  16,
  (text: string, referenceDate: Date) => `${referenceDate.getTime()}|${text}`,
  (text: string, referenceDate: Date): readonly TextSpan[] =>
    chrono.parse(text, referenceDate).map((result) => ({
      start: result.index,
      end: result.index + result.text.length,
    })),
);

/** One mention chrono found: whether it names a day ("Friday", "tomorrow") and a time ("7pm"). */
interface DateMention extends TextSpan {
  matched: string;
  /** What the normalizers read: the text, or the date a day of the month stands for. */
  said: string;
  hasDay: boolean;
  hasTime: boolean;
}

/** "now" names no day a customer chooses: "we're 5 now" is a party size, not today's date. */
const ONLY_NOW = /^(?:right |just )?now$/i;

/** chrono's reading of a message, kept for the next reads of the same message in the turn. */
const chronoMentions = recentResults(
  16,
  (text: string, referenceDate: Date) => `${referenceDate.getTime()}|${text}`,
  readDateMentions,
);

/** chrono's mentions, and the days of the month said alone that chrono does not read. */
function findDateMentions(text: string, reference: DateReference): DateMention[] {
  const read = chronoMentions(text, reference.referenceDate);
  const days = findDaysOfMonth(text, reference)
    .filter((day) => !overlapsAny(day, read))
    .map((day) => ({ ...day, said: day.date, hasDay: true, hasTime: false }));
  return [...read, ...days].sort((a, b) => a.start - b.start);
}

function readDateMentions(text: string, referenceDate: Date): readonly DateMention[] {
  const results = chrono.parse(text, referenceDate).filter((result) => !ONLY_NOW.test(result.text.trim()));
  return results.map(({ index, text: said, start }) => {
    // chrono keeps a trailing comma, or the blanks left where another parameter's value was.
    const matched = said.replace(/[\s,;:.!?-]+$/u, '');
    return {
      start: index,
      end: index + matched.length,
      matched,
      said: matched,
      hasDay: start.isCertain('day') || start.isCertain('weekday') || start.isCertain('month'),
      hasTime: start.isCertain('hour'),
    };
  });
}

/**
 * A day said in one place and a time in another ("Friday, name's Dana, at 7:30pm"): one
 * date-time, found at both places so that neither is read again. Only when there is exactly one
 * of each, and times chrono does not know ("seven thirty pm") count as well.
 */
function pairedDayAndTime(
  text: string,
  mentions: readonly DateMention[],
  reference: DateReference,
): SlotCandidate[] {
  const days = mentions.filter((mention) => mention.hasDay && !mention.hasTime);
  const chronoTimes = mentions.filter((mention) => mention.hasTime && !mention.hasDay);
  const wordTimes = findTimes(text).filter((time) => !overlapsAny(time, mentions));
  const [day] = days;
  const times = [
    ...chronoTimes.map((time) => ({ ...time, said: time.matched })),
    ...wordTimes.map((time) => ({ ...time, said: `at ${String(time.value)}` })),
  ];
  const [time] = times;
  if (days.length !== 1 || times.length !== 1 || !day || !time) return [];
  const value = normalizeDateTime(`${day.said} ${time.said}`, reference);
  if (value === undefined) return [];
  return [
    { value, matched: day.matched, start: day.start, end: day.end, kind: 'date-time' },
    { value, matched: text.slice(time.start, time.end), start: time.start, end: time.end, kind: 'date-time' },
  ];
}

/**
 * Every date (`date`: `YYYY-MM-DD`) or date and time (`date-time`: ISO 8601 with the offset of
 * `reference.timezone` on that date) mentioned in the text, read relative to
 * `reference.referenceDate` by the action model's own normalizers. A date-time needs a time of
 * day: "March 3rd" alone is no date-time, but a day and a time said apart ("Friday, ..., at
 * 7:30pm") make one. Throws a `RangeError` for an unknown time zone.
 *
 * @example
 * const reference = { referenceDate: new Date('2026-03-20T10:00:00Z'), timezone: 'America/New_York' };
 * findDates('tomorrow at 3pm works', 'date-time', reference); // [{ value: '2026-03-21T15:00:00-04:00', matched: 'tomorrow at 3pm', ... }]
 * findDates('next Friday', 'date', reference); // [{ value: '2026-03-27', ... }]
 */
export function findDates(
  text: string,
  format: 'date' | 'date-time',
  reference: DateReference,
): readonly SlotCandidate[] {
  return recentDates(text, format, reference);
}

/** The dates of a message, kept for the next reads of it in the turn (one per date parameter of each action). */
const recentDates = recentResults(
  16,
  (text: string, format: string, reference: DateReference) =>
    `${format}|${reference.referenceDate.getTime()}|${reference.timezone}|${text}`,
  readDates,
);

function readDates(text: string, format: 'date' | 'date-time', reference: DateReference): SlotCandidate[] {
  const mentions = findDateMentions(text, reference);
  if (format === 'date-time' && mentions.some((mention) => mention.hasDay && !mention.hasTime)) {
    // A time said apart from the day belongs to that day, not to today.
    const whole = mentions.filter((mention) => mention.hasDay && mention.hasTime);
    return [
      ...whole.flatMap((mention) => readMention(mention, format, reference)),
      ...pairedDayAndTime(text, mentions, reference),
    ];
  }
  return mentions.flatMap((mention) => readMention(mention, format, reference));
}

function readMention(
  mention: DateMention,
  format: 'date' | 'date-time',
  reference: DateReference,
): SlotCandidate[] {
  const { matched, said, start, end } = mention;
  const value = format === 'date' ? normalizeDate(said, reference) : normalizeDateTime(said, reference);
  return value === undefined ? [] : [{ value, matched, start, end, kind: format }];
}
