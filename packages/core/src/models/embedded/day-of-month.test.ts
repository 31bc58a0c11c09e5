import { describe, expect, it } from 'vitest';
import { findDaysOfMonth } from './day-of-month.js';

/** Friday 2026-03-20 in New York. */
const reference = { referenceDate: new Date('2026-03-20T10:00:00Z'), timezone: 'America/New_York' };
const dates = (text: string) => findDaysOfMonth(text, reference).map((day) => [day.date, day.matched]);

describe('findDaysOfMonth', () => {
  it.each([
    ['on the 24th', [['2026-03-24', 'on the 24th']]],
    ['the 20th', [['2026-03-20', 'the 20th']]],
    ['on the 14th at 6:30', [['2026-04-14', 'on the 14th']]],
    ['on the fourteenth', [['2026-04-14', 'on the fourteenth']]],
    ['on the twenty-first', [['2026-03-21', 'on the twenty-first']]],
    ['the third of next month', [['2026-04-03', 'the third of next month']]],
    ['the 3rd of next month', [['2026-04-03', 'the 3rd of next month']]],
    ['the 31st', [['2026-03-31', 'the 31st']]],
  ])('%j -> %j', (text, expected) => {
    expect(dates(text)).toEqual(expected);
  });

  it('skips months without the day', () => {
    const april = { ...reference, referenceDate: new Date('2026-04-05T10:00:00Z') };
    expect(findDaysOfMonth('the 31st', april).map((day) => day.date)).toEqual(['2026-05-31']);
  });

  it.each(['the 32nd', '3rd', 'the third', 'I want the first one'])('reads no day in %j', (text) => {
    expect(dates(text)).toEqual([]);
  });
});
