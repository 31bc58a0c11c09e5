import * as chrono from 'chrono-node';
import {
  formatDate,
  formatDateTime,
  instantFromWallClock,
  offsetMinutesAt,
  type WallClock,
} from './zoned-time.js';

/** What relative dates ("tomorrow", "next Friday", "3pm") are read against. */
export interface DateReference {
  /** The instant "now" means. */
  referenceDate: Date;
  /** IANA time zone the customer lives in (e.g. `America/New_York`); `UTC` for none. */
  timezone: string;
}

/** `2026-03-25` */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `2026-03-25T15:00`, seconds, fraction and zone optional; a space may replace the `T`. */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;
/**
 * Words that make a date point back in time. chrono's `forwardDate` (used so "Friday" and
 * "March 1" mean the next one, as bookings do) would otherwise turn "last Tuesday" into next week.
 */
const PAST_HINT = /\b(last|ago|yesterday|previous|past)\b/i;

/** One date and time read from text. `instant` is set when the text named its own zone. */
interface Reading {
  clock: WallClock;
  hasTime: boolean;
  instant?: Date;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** ISO 8601 input: the fields, `null` when it looks ISO but names an impossible date or time. */
function readIso(text: string): { clock: WallClock; hasTime: boolean; zone?: string } | null | undefined {
  const dateOnly = ISO_DATE.exec(text);
  const match = dateOnly ?? ISO_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [
    ,
    year,
    month,
    day,
    hour = '0',
    minute = '0',
    second = '0',
    ,
    utc,
    sign,
    offsetHours,
    offsetMinutes,
  ] = match;
  const clock = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  };
  const validTime = clock.hour <= 23 && clock.minute <= 59 && clock.second <= 59;
  const validOffset = sign === undefined || (Number(offsetHours) <= 23 && Number(offsetMinutes) <= 59);
  if (!isRealDate(clock.year, clock.month, clock.day) || !validTime || !validOffset) return null;
  const zone = utc ? 'Z' : sign ? `${sign}${offsetHours}:${offsetMinutes}` : undefined;
  return { clock, hasTime: !dateOnly, ...(zone === undefined ? {} : { zone }) };
}

/** Every date chrono finds in the text, read in the reference's zone. */
function readNaturalLanguage(text: string, reference: DateReference): Reading[] {
  // chrono 2.10 takes a time zone as minutes or an abbreviation (EST, CET), not an IANA name, which
  // it would silently replace by the process's zone. Give it the offset in force at the reference
  // instant; the wall clock it returns is then placed in the real zone, so a DST change between
  // now and the date read ("tomorrow at 3pm" on the eve of the change) gets the new offset.
  const timezone = offsetMinutesAt(reference.referenceDate, reference.timezone);
  const results = chrono.parse(
    text,
    { instant: reference.referenceDate, timezone },
    { forwardDate: !PAST_HINT.test(text) },
  );
  return results.map(({ start }) => ({
    clock: {
      year: start.get('year') ?? reference.referenceDate.getUTCFullYear(),
      month: start.get('month') ?? 1,
      day: start.get('day') ?? 1,
      hour: start.get('hour') ?? 0,
      minute: start.get('minute') ?? 0,
      second: start.get('second') ?? 0,
    },
    hasTime: start.isCertain('hour'),
    ...(start.isCertain('timezoneOffset') ? { instant: start.date() } : {}),
  }));
}

/** The one answer all readings agree on; two different dates in one reply are a question to ask. */
function agreed(values: Array<string | undefined>): string | undefined {
  const [first] = values;
  return values.every((value) => value === first) ? first : undefined;
}

/**
 * Reads a date as a person wrote or said it (`2026-03-25`, `March 25`, `tomorrow`, `next Friday`,
 * `25/03/2026`) relative to the reference instant in the reference zone, and returns
 * `YYYY-MM-DD`; `undefined` when there is no date, an impossible one (`2026-02-30`) or several
 * different ones. A date without a year is the next such date; "last ..." and "... ago" look back.
 * Throws a `RangeError` for an unknown time zone.
 *
 * @example
 * const reference = { referenceDate: new Date('2026-03-07T17:00:00Z'), timezone: 'America/New_York' };
 * normalizeDate('tomorrow', reference); // '2026-03-08'
 * normalizeDate('March 25', reference); // '2026-03-25'
 */
export function normalizeDate(text: string, reference: DateReference): string | undefined {
  const trimmed = text.trim();
  const iso = readIso(trimmed);
  if (iso === null) return undefined;
  if (iso) return formatDate(iso.clock);
  return agreed(readNaturalLanguage(trimmed, reference).map((reading) => formatDate(reading.clock)));
}

/**
 * Reads a date and time (`tomorrow at 3pm`, `March 25 10:30am`, `2026-03-25 15:00`) in the
 * reference zone and returns ISO 8601 with that zone's offset on that date (`Z` for UTC), e.g.
 * `2026-03-25T15:00:00-04:00`. Text that already carries an offset keeps it (ISO input is checked
 * and given seconds, `2026-03-25T15:00Z` -> `2026-03-25T15:00:00Z`). `undefined` when there is no
 * time of day (a date alone is not a time to guess), no date, or several different ones.
 * Throws a `RangeError` for an unknown time zone.
 *
 * @example
 * normalizeDateTime('tomorrow at 3pm', { referenceDate: new Date('2026-03-07T17:00:00Z'), timezone: 'America/New_York' });
 * // '2026-03-08T15:00:00-04:00': DST began that night, so the offset is not today's -05:00
 */
export function normalizeDateTime(text: string, reference: DateReference): string | undefined {
  const trimmed = text.trim();
  const iso = readIso(trimmed);
  if (iso === null || iso?.hasTime === false) return undefined;
  if (iso) {
    if (iso.zone === undefined) {
      return formatDateTime(instantFromWallClock(iso.clock, reference.timezone), reference.timezone);
    }
    const fraction = ISO_DATE_TIME.exec(trimmed)?.[7] ?? '';
    const { hour, minute, second } = iso.clock;
    const time = [hour, minute, second].map((value) => String(value).padStart(2, '0')).join(':');
    return `${formatDate(iso.clock)}T${time}${fraction}${iso.zone}`;
  }
  const readings = readNaturalLanguage(trimmed, reference);
  return agreed(
    readings.map((reading) => {
      if (!reading.hasTime) return undefined;
      const instant = reading.instant ?? instantFromWallClock(reading.clock, reference.timezone);
      return formatDateTime(instant, reference.timezone);
    }),
  );
}
