import { afterEach, describe, expect, it } from 'vitest';
import { type DateReference, normalizeDate, normalizeDateTime } from './normalize-date.js';

/** Saturday 2026-03-07, noon in New York (EST, -05:00); US daylight saving time starts the next night. */
const SATURDAY_NOON_NEW_YORK = new Date('2026-03-07T17:00:00Z');
const newYork: DateReference = { referenceDate: SATURDAY_NOON_NEW_YORK, timezone: 'America/New_York' };
const utc: DateReference = { referenceDate: SATURDAY_NOON_NEW_YORK, timezone: 'UTC' };
/** 22:00 Saturday in New York is already 03:00 Sunday in UTC. */
const lateSaturdayNewYork: DateReference = {
  referenceDate: new Date('2026-03-08T03:00:00Z'),
  timezone: 'America/New_York',
};
const earlySundayUtc: DateReference = { referenceDate: new Date('2026-03-08T03:00:00Z'), timezone: 'UTC' };

describe('normalizeDate', () => {
  it('passes real ISO dates through and refuses impossible ones', () => {
    expect(normalizeDate('2026-03-25', newYork)).toBe('2026-03-25');
    expect(normalizeDate(' 2028-02-29 ', utc)).toBe('2028-02-29');
    expect(normalizeDate('2026-02-29', utc)).toBeUndefined();
    expect(normalizeDate('2026-02-30', utc)).toBeUndefined();
    expect(normalizeDate('2026-13-01', utc)).toBeUndefined();
  });

  it('keeps the date written in an ISO date-time', () => {
    expect(normalizeDate('2026-03-25T23:30:00-07:00', utc)).toBe('2026-03-25');
  });

  it.each([
    ['tomorrow', '2026-03-08'],
    ['today', '2026-03-07'],
    ['yesterday', '2026-03-06'],
    ['March 25', '2026-03-25'],
    ['march 25th', '2026-03-25'],
    ['25 March 2026', '2026-03-25'],
    ['25/03/2026', '2026-03-25'],
    ['next Friday', '2026-03-13'],
    ['Friday', '2026-03-13'],
    ['last Tuesday', '2026-03-03'],
    ['3 days ago', '2026-03-04'],
    ['in two weeks', '2026-03-21'],
    // Without a year, a date already past this year is next year's: the forward reading bookings need.
    ['March 1', '2027-03-01'],
  ])('reads %j as %s, in UTC and in New York', (text, expected) => {
    expect(normalizeDate(text, utc)).toBe(expected);
    expect(normalizeDate(text, newYork)).toBe(expected);
  });

  it('reads "today" and "tomorrow" in the customer\'s time zone', () => {
    expect(normalizeDate('today', lateSaturdayNewYork)).toBe('2026-03-07');
    expect(normalizeDate('tomorrow', lateSaturdayNewYork)).toBe('2026-03-08');
    expect(normalizeDate('today', earlySundayUtc)).toBe('2026-03-08');
    expect(normalizeDate('tomorrow', earlySundayUtc)).toBe('2026-03-09');
  });

  it.each(['', '   ', 'whenever suits', 'March 25 or March 26'])('gives up on %j', (text) => {
    expect(normalizeDate(text, newYork)).toBeUndefined();
  });
});

describe('normalizeDateTime', () => {
  it('reads "tomorrow at 3pm" with the offset of that day, across the DST change', () => {
    expect(normalizeDateTime('tomorrow at 3pm', newYork)).toBe('2026-03-08T15:00:00-04:00');
    expect(normalizeDateTime('today at 3pm', newYork)).toBe('2026-03-07T15:00:00-05:00');
    expect(normalizeDateTime('tomorrow at 3pm', utc)).toBe('2026-03-08T15:00:00Z');
    expect(normalizeDateTime('today at 3pm', utc)).toBe('2026-03-07T15:00:00Z');
  });

  it.each([
    ['March 25 at 10:30am', '2026-03-25T10:30:00-04:00', '2026-03-25T10:30:00Z'],
    ['December 24 at 6pm', '2026-12-24T18:00:00-05:00', '2026-12-24T18:00:00Z'],
    ['noon tomorrow', '2026-03-08T12:00:00-04:00', '2026-03-08T12:00:00Z'],
    ['Friday, 3pm', '2026-03-13T15:00:00-04:00', '2026-03-13T15:00:00Z'],
    ['in 2 hours', '2026-03-07T14:00:00-05:00', '2026-03-07T19:00:00Z'],
    ['2026-03-25T15:00', '2026-03-25T15:00:00-04:00', '2026-03-25T15:00:00Z'],
    ['2026-03-25 15:00:30', '2026-03-25T15:00:30-04:00', '2026-03-25T15:00:30Z'],
  ])('reads %j in New York as %s and in UTC as %s', (text, inNewYork, inUtc) => {
    expect(normalizeDateTime(text, newYork)).toBe(inNewYork);
    expect(normalizeDateTime(text, utc)).toBe(inUtc);
  });

  it('reads a bare time as the next time the clock shows it', () => {
    expect(normalizeDateTime('3pm', newYork)).toBe('2026-03-07T15:00:00-05:00');
    expect(normalizeDateTime('3pm', lateSaturdayNewYork)).toBe('2026-03-08T15:00:00-04:00');
  });

  it("keeps a zone the text names, expressed in the customer's zone", () => {
    expect(normalizeDateTime('tomorrow at 3pm EST', newYork)).toBe('2026-03-08T16:00:00-04:00');
    expect(normalizeDateTime('tomorrow at 3pm EST', utc)).toBe('2026-03-08T20:00:00Z');
  });

  it('passes ISO date-times with an offset through, in canonical form', () => {
    expect(normalizeDateTime('2026-03-25T15:00:00Z', newYork)).toBe('2026-03-25T15:00:00Z');
    expect(normalizeDateTime('2026-03-25T15:00:00.250+02:00', newYork)).toBe('2026-03-25T15:00:00.250+02:00');
    expect(normalizeDateTime('2026-03-25T15:00Z', newYork)).toBe('2026-03-25T15:00:00Z');
    expect(normalizeDateTime('2026-03-25t15:00:00z', newYork)).toBe('2026-03-25T15:00:00Z');
    expect(normalizeDateTime('2026-03-25 15:00:00+0530', utc)).toBe('2026-03-25T15:00:00+05:30');
  });

  it.each([
    '2026-03-25T25:00:00Z',
    '2026-02-30T10:00:00Z',
    '2026-03-25T10:60:00Z',
    '2026-03-25T10:00:00+24:00',
  ])('refuses the impossible %j', (text) => {
    expect(normalizeDateTime(text, newYork)).toBeUndefined();
  });

  it('refuses a date without a time rather than guessing one', () => {
    expect(normalizeDateTime('tomorrow', newYork)).toBeUndefined();
    expect(normalizeDateTime('2026-03-25', newYork)).toBeUndefined();
    expect(normalizeDateTime('tomorrow morning', newYork)).toBeUndefined();
  });

  it('refuses two different times in one answer', () => {
    expect(normalizeDateTime('Monday at 3pm or Tuesday at 4pm', newYork)).toBeUndefined();
  });

  it('moves a time that the spring change skips forward, and takes the first of a repeated one', () => {
    expect(normalizeDateTime('March 8 at 2:30am', newYork)).toBe('2026-03-08T03:30:00-04:00');
    expect(normalizeDateTime('2026-11-01 01:30', newYork)).toBe('2026-11-01T01:30:00-04:00');
  });

  it('throws for an unknown time zone', () => {
    expect(() => normalizeDateTime('tomorrow at 3pm', { ...newYork, timezone: 'America/Atlantis' })).toThrow(
      RangeError,
    );
  });
});

describe('the process time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(['Asia/Tokyo', 'America/Los_Angeles', 'Australia/Lord_Howe'])(
    'does not change results (%s)',
    (zone) => {
      process.env.TZ = zone;
      // Proof the change took: none of these zones is at UTC on New Year's Day.
      expect(new Date('2026-01-01T00:00:00Z').getTimezoneOffset()).not.toBe(0);
      expect(normalizeDate('tomorrow', lateSaturdayNewYork)).toBe('2026-03-08');
      expect(normalizeDate('next Friday', newYork)).toBe('2026-03-13');
      expect(normalizeDateTime('tomorrow at 3pm', newYork)).toBe('2026-03-08T15:00:00-04:00');
      expect(normalizeDateTime('3pm', lateSaturdayNewYork)).toBe('2026-03-08T15:00:00-04:00');
      expect(normalizeDateTime('tomorrow at 3pm', utc)).toBe('2026-03-08T15:00:00Z');
    },
  );
});
