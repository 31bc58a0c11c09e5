import { describe, expect, it } from 'vitest';
import { isoTimestamp } from './iso-timestamp.js';

describe('isoTimestamp', () => {
  it('writes what toISOString writes', () => {
    const instants = [
      0,
      Date.UTC(2026, 2, 25, 15, 0, 0, 7),
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(999, 0, 1, 0, 0, 0, 10),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      -1,
      Date.parse('0000-01-01T00:00:00.000Z'),
    ];
    // And a spread of instants over four centuries, every field varying.
    for (let index = 0; index < 2000; index += 1)
      instants.push(Math.floor((index * 6_311_390_111_731) % 1.3e13) - 2e12);
    for (const instant of instants)
      expect(isoTimestamp(new Date(instant))).toBe(new Date(instant).toISOString());
  });

  it('leaves other years and invalid dates to toISOString', () => {
    expect(isoTimestamp(new Date(Date.UTC(10000, 0, 1)))).toBe('+010000-01-01T00:00:00.000Z');
    expect(isoTimestamp(new Date(Date.parse('-000001-01-01T00:00:00Z')))).toBe('-000001-01-01T00:00:00.000Z');
    expect(() => isoTimestamp(new Date(Number.NaN))).toThrow(RangeError);
  });
});
