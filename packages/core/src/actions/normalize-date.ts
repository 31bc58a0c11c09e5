import * as chrono from 'chrono-node';
import {
  formatDate,
  formatDateTime,
  instantFromWallClock,
  offsetMinutesAt,
  type WallClock,
  wallClockAt,
} from './zoned-time.js';

/** Options for reading dates relative to "now" somewhere. */
export interface DateReference {
  /** What "today" and "tomorrow" are relative to. */
  referenceDate: Date;
  /** IANA time zone the customer speaks in (e.g. `America/New_York`). */
  timezone: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
const ISO_DATE_TIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

function isRealDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Wall-clock fields chrono found, read in the reference's zone. */
function parseWallClock(
  text: string,
  reference: DateReference,
): { clock: WallClock; hasTime: boolean } | undefined {
  // chrono takes a fixed offset, not an IANA name: use the offset in force at the reference time,
  // then rebuild the instant from the wall clock so a DST change in between is honoured.
  const timezone = offsetMinutesAt(reference.referenceDate, reference.timezone);
  const [result] = chrono.parse(text, { instant: reference.referenceDate, timezone }, { forwardDate: true });
  if (!result) return undefined;
  const start = result.start;
  const explicitOffset = start.get('timezoneOffset');
  if (start.isCertain('timezoneOffset') && explicitOffset !== null) {
    const instant = start.date();
    return { clock: wallClockAt(instant, reference.timezone), hasTime: true };
  }
  const today = wallClockAt(reference.referenceDate, reference.timezone);
  return {
    clock: {
      year: start.get('year') ?? today.year,
      month: start.get('month') ?? today.month,
      day: start.get('day') ?? today.day,
      hour: start.get('hour') ?? 0,
      minute: start.get('minute') ?? 0,
      second: start.get('second') ?? 0,
    },
    hasTime: start.isCertain('hour'),
  };
}

/**
 * Reads a date as a person wrote it (`March 25`, `tomorrow`, `25/03/2026`, `2026-03-25`) and
 * returns `YYYY-MM-DD`, or `undefined` when there is no date in the text.
 *
 * @example
 * normalizeDate('tomorrow', { referenceDate: new Date('2026-03-07T12:00:00Z'), timezone: 'UTC' }); // '2026-03-08'
 */
export function normalizeDate(text: string, reference: DateReference): string | undefined {
  const trimmed = text.trim();
  if (ISO_DATE.test(trimmed)) return isRealDate(trimmed) ? trimmed : undefined;
  const parsed = parseWallClock(trimmed, reference);
  return parsed ? formatDate(parsed.clock) : undefined;
}

/**
 * Reads a date and time (`tomorrow at 3pm`, `2026-03-25 15:00`) in the reference time zone and
 * returns ISO 8601 with that zone's offset on that day, or `undefined` when there is none.
 *
 * @example
 * normalizeDateTime('tomorrow at 3pm', { referenceDate: new Date('2026-03-07T17:00:00Z'), timezone: 'America/New_York' });
 * // '2026-03-08T15:00:00-04:00' (DST began that night)
 */
export function normalizeDateTime(text: string, reference: DateReference): string | undefined {
  const trimmed = text.trim();
  if (ISO_DATE_TIME_WITH_ZONE.test(trimmed)) {
    const instant = new Date(trimmed);
    return Number.isNaN(instant.getTime()) || !isRealDate(trimmed.slice(0, 10))
      ? undefined
      : trimmed.toUpperCase();
  }
  const local = ISO_DATE_TIME_LOCAL.exec(trimmed);
  const parsed = local
    ? {
        clock: {
          year: Number(local[1]),
          month: Number(local[2]),
          day: Number(local[3]),
          hour: Number(local[4]),
          minute: Number(local[5]),
          second: Number(local[6] ?? 0),
        },
        hasTime: true,
      }
    : parseWallClock(trimmed, reference);
  // A date alone is not a date-time: the agent should ask for the time rather than assume noon.
  if (!parsed?.hasTime) return undefined;
  return formatDateTime(instantFromWallClock(parsed.clock, reference.timezone), reference.timezone);
}
