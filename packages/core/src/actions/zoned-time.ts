/**
 * Wall-clock arithmetic in IANA time zones with nothing but `Intl.DateTimeFormat`: no time zone
 * database of our own, and no dependence on the process's `TZ`.
 */

/** Wall-clock fields in some time zone (month 1-12). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Offsets never change twice within a day either side of a wall-clock time. */
const DAY_MS = 86_400_000;

/** One formatter per zone, since creating one is much slower than using it. Only valid names get in. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * True when the runtime knows this IANA time zone name.
 *
 * @example
 * isValidTimeZone('America/New_York'); // true
 * isValidTimeZone('Mars/Olympus_Mons'); // false
 */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall clock in `timeZone` at `instant`.
 *
 * @example
 * wallClockAt(new Date('2026-07-01T12:00:00Z'), 'America/New_York'); // { year: 2026, month: 7, day: 1, hour: 8, ... }
 */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/**
 * Minutes east of UTC in `timeZone` at `instant`.
 *
 * @example
 * offsetMinutesAt(new Date('2026-07-01T12:00:00Z'), 'America/New_York'); // -240
 */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const clock = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which `timeZone` shows this wall clock, using the offset of that date (not of
 * today). Around a DST change it resolves as Temporal's `compatible` option does: a time that
 * occurs twice (the hour repeated in autumn) is the earlier one; a time that never occurs (the
 * hour skipped in spring) moves forward by the gap, so 02:30 becomes 03:30.
 *
 * @example
 * instantFromWallClock({ year: 2026, month: 3, day: 8, hour: 15, minute: 0, second: 0 }, 'America/New_York');
 * // 2026-03-08T19:00:00.000Z (EDT, -04:00)
 */
export function instantFromWallClock(clock: WallClock, timeZone: string): Date {
  const naive = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  const offsetBefore = offsetMinutesAt(new Date(naive - DAY_MS), timeZone);
  const offsetAfter = offsetMinutesAt(new Date(naive + DAY_MS), timeZone);
  const matches = [offsetBefore, offsetAfter]
    .map((offset) => naive - offset * 60_000)
    .filter((instant) => naive - instant === offsetMinutesAt(new Date(instant), timeZone) * 60_000);
  if (matches.length > 0) return new Date(Math.min(...matches));
  return new Date(naive - offsetBefore * 60_000);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * `YYYY-MM-DD`.
 *
 * @example
 * formatDate({ year: 2026, month: 3, day: 5, hour: 0, minute: 0, second: 0 }); // '2026-03-05'
 */
export function formatDate(clock: WallClock): string {
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
}

/**
 * `±HH:MM` for an offset in minutes, `Z` for zero.
 *
 * @example
 * formatOffset(-240); // '-04:00'
 */
export function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/**
 * ISO 8601 in `timeZone` with that zone's offset at that instant (`Z` for UTC).
 *
 * @example
 * formatDateTime(new Date('2026-03-08T19:00:00Z'), 'America/New_York'); // '2026-03-08T15:00:00-04:00'
 */
export function formatDateTime(instant: Date, timeZone: string): string {
  const clock = wallClockAt(instant, timeZone);
  const time = `${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
  return `${formatDate(clock)}T${time}${formatOffset(offsetMinutesAt(instant, timeZone))}`;
}
