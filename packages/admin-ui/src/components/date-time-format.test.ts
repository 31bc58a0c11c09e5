import { describe, expect, it } from 'vitest';
import { formatDateTime } from './date-time-format';

describe('formatDateTime (the one date format of the app)', () => {
  it('shows day, month, year, hours and minutes in the given locale and time zone', () => {
    expect(formatDateTime('2026-12-06T22:31:05.123Z', 'en-GB', 'UTC')).toBe('6 Dec 2026, 22:31');
    expect(formatDateTime('2026-12-06T22:31:05.123Z', 'en-GB', 'Europe/Berlin')).toBe('6 Dec 2026, 23:31');
    expect(formatDateTime('2026-12-06T22:31:05.123Z', 'en-US', 'UTC')).toMatch(/^Dec 6, 2026, 10:31\sPM$/);
  });

  it('returns text that is not a time as it came', () => {
    expect(formatDateTime('yesterday', 'en-GB', 'UTC')).toBe('yesterday');
    expect(formatDateTime('', 'en-GB', 'UTC')).toBe('');
  });
});
