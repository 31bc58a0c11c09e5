import { describe, expect, it } from 'vitest';
import { normalizeArgument } from './normalize-argument.js';

const options = {
  defaultRegion: 'US' as const,
  referenceDate: new Date('2026-03-07T17:00:00Z'),
  timezone: 'America/New_York',
};

describe('normalizeArgument', () => {
  it('trims text and reads formats', () => {
    expect(normalizeArgument('  hi ', { type: 'string' }, options)).toEqual({ ok: true, value: 'hi' });
    expect(normalizeArgument('(415) 555-0132', { type: 'string', format: 'phone' }, options)).toEqual({
      ok: true,
      value: '+14155550132',
    });
    expect(normalizeArgument('March 25', { type: 'string', format: 'date' }, options)).toEqual({
      ok: true,
      value: '2026-03-25',
    });
    expect(normalizeArgument('March 25 at 9am', { type: 'string', format: 'date-time' }, options)).toEqual({
      ok: true,
      value: '2026-03-25T09:00:00-04:00',
    });
    expect(normalizeArgument(' Ana@Example.com ', { type: 'string', format: 'email' }, options)).toEqual({
      ok: true,
      value: 'Ana@Example.com',
    });
  });

  it('leaves what it cannot read for validation to report', () => {
    expect(normalizeArgument('12345', { type: 'string', format: 'phone' }, options)).toEqual({
      ok: true,
      value: '12345',
    });
    expect(normalizeArgument('soon', { type: 'string', format: 'date' }, options)).toEqual({
      ok: true,
      value: 'soon',
    });
    expect(normalizeArgument(true, { type: 'string' }, options)).toEqual({ ok: true, value: true });
  });

  it('says when a date-time has no time', () => {
    expect(normalizeArgument('March 25', { type: 'string', format: 'date-time' }, options)).toEqual({
      ok: false,
      message: 'must include a time of day as well as the date (e.g. 2026-03-25T15:00:00Z)',
    });
  });

  it.each<[unknown, unknown]>([
    ['42', 42],
    [' -3.5 ', -3.5],
    ['1e3', 1000],
    ['.5', 0.5],
    [7, 7],
    ['0x10', '0x10'],
    ['Infinity', 'Infinity'],
    ['1,000', '1,000'],
    [true, true],
    ['', ''],
  ])('reads %j for a number as %j', (value, expected) => {
    expect(normalizeArgument(value, { type: 'number' }, options)).toEqual({ ok: true, value: expected });
    expect(normalizeArgument(value, { type: 'integer' }, options)).toEqual({ ok: true, value: expected });
  });

  it.each<[unknown, unknown]>([
    ['true', true],
    [' FALSE ', false],
    [true, true],
    ['yes', 'yes'],
    [1, 1],
  ])('reads %j for a boolean as %j', (value, expected) => {
    expect(normalizeArgument(value, { type: 'boolean' }, options)).toEqual({ ok: true, value: expected });
  });
});
