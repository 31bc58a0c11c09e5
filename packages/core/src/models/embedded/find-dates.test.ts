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
