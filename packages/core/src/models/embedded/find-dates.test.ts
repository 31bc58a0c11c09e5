import { describe, expect, it } from 'vitest';
import { findDateSpans, findDates } from './find-dates.js';

const reference = { referenceDate: new Date('2026-03-20T10:00:00Z'), timezone: 'America/New_York' };

describe('findDates', () => {
  it('reads dates and date-times where they are mentioned', () => {
    expect(findDates('Can we do tomorrow at 3pm?', 'date-time', reference)).toEqual([
      {
        value: '2026-03-21T15:00:00-04:00',
        matched: 'tomorrow at 3pm',
        start: 10,
        end: 25,
        kind: 'date-time',
      },
    ]);
    expect(findDates('next Friday or March 3rd', 'date', reference).map((found) => found.value)).toEqual([
      '2026-03-27',
      '2027-03-03',
    ]);
  });

  it('makes one date-time of a day and a time said apart, found at both places', () => {
    expect(findDates('Saturday, for two, at 7:30pm', 'date-time', reference)).toEqual([
      { value: '2026-03-21T19:30:00-04:00', matched: 'Saturday', start: 0, end: 8, kind: 'date-time' },
      { value: '2026-03-21T19:30:00-04:00', matched: 'at 7:30pm', start: 19, end: 28, kind: 'date-time' },
    ]);
    // Two days and one time: which day is a question to ask, not today.
    expect(findDates('Saturday or Sunday, for two, at 7:30pm', 'date-time', reference)).toEqual([]);
  });

  it('reads no date from "now"', () => {
    expect(findDates("actually we're 5 now", 'date', reference)).toEqual([]);
    expect(findDates('right now', 'date-time', reference)).toEqual([]);
  });

  it('needs a time of day for a date-time', () => {
    expect(findDates('next Friday', 'date-time', reference)).toEqual([]);
  });
});

describe('findDateSpans', () => {
  it('marks where dates and times are written', () => {
    expect(findDateSpans('table for 4 on March 3rd', reference.referenceDate)).toEqual([
      { start: 15, end: 24 },
    ]);
    expect(findDateSpans('party of 4', reference.referenceDate)).toEqual([]);
  });
});
