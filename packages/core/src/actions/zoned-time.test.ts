import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatOffset,
  instantFromWallClock,
  isValidTimeZone,
  offsetMinutesAt,
  wallClockAt,
} from './zoned-time.js';

const NEW_YORK = 'America/New_York';
const at = (year: number, month: number, day: number, hour: number, minute = 0, second = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
});

describe('zoned time', () => {
  it('knows which time zones exist', () => {
    expect(isValidTimeZone(NEW_YORK)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('reads the wall clock and offset of a zone at an instant', () => {
    expect(wallClockAt(new Date('2026-07-01T12:34:56Z'), NEW_YORK)).toEqual(at(2026, 7, 1, 8, 34, 56));
    expect(offsetMinutesAt(new Date('2026-07-01T12:00:00Z'), NEW_YORK)).toBe(-240);
    expect(offsetMinutesAt(new Date('2026-01-01T12:00:00Z'), NEW_YORK)).toBe(-300);
    expect(offsetMinutesAt(new Date('2026-01-01T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutesAt(new Date('2026-01-01T12:00:00Z'), 'UTC')).toBe(0);
  });

  it('places a wall clock in a zone with the offset of that date', () => {
    expect(instantFromWallClock(at(2026, 3, 7, 15), NEW_YORK).toISOString()).toBe('2026-03-07T20:00:00.000Z');
    expect(instantFromWallClock(at(2026, 3, 8, 15), NEW_YORK).toISOString()).toBe('2026-03-08T19:00:00.000Z');
    expect(instantFromWallClock(at(2026, 3, 25, 15), 'UTC').toISOString()).toBe('2026-03-25T15:00:00.000Z');
  });

  it('moves a time skipped by the spring change forward by the gap', () => {
    // 2026-03-08 02:00 EST -> 03:00 EDT: 02:30 never happens in New York.
    expect(formatDateTime(instantFromWallClock(at(2026, 3, 8, 2, 30), NEW_YORK), NEW_YORK)).toBe(
      '2026-03-08T03:30:00-04:00',
    );
  });

  it('takes the earlier of a time repeated by the autumn change', () => {
    // 2026-11-01 02:00 EDT -> 01:00 EST: 01:30 happens twice.
    expect(formatDateTime(instantFromWallClock(at(2026, 11, 1, 1, 30), NEW_YORK), NEW_YORK)).toBe(
      '2026-11-01T01:30:00-04:00',
    );
  });

  it('formats offsets and date-times', () => {
    expect(formatOffset(0)).toBe('Z');
    expect(formatOffset(-240)).toBe('-04:00');
    expect(formatOffset(330)).toBe('+05:30');
    expect(formatOffset(-570)).toBe('-09:30');
    expect(formatDateTime(new Date('2026-03-25T15:00:00Z'), 'UTC')).toBe('2026-03-25T15:00:00Z');
    expect(formatDateTime(new Date('2026-03-25T15:00:00Z'), 'Asia/Kolkata')).toBe(
      '2026-03-25T20:30:00+05:30',
    );
  });
});
