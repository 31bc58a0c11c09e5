import { describe, expect, it } from 'vitest';
import { isE164PhoneNumber, normalizePhone } from './normalize-phone.js';

describe('normalizePhone', () => {
  it.each([
    ['(415) 555-0132', '+14155550132'],
    ['415.555.0132', '+14155550132'],
    ['415 555 0132', '+14155550132'],
    ['  +1 415-555-0132  ', '+14155550132'],
    ['+14155550132', '+14155550132'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 415 555 0132 ext. 12', '+14155550132'],
  ])('reads %j in the default region (US) as %s', (text, expected) => {
    expect(normalizePhone(text)).toBe(expected);
  });

  it('reads national numbers in the region given', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalizePhone('030 123456', 'DE')).toBe('+4930123456');
    expect(normalizePhone('00 44 20 7946 0958', 'DE')).toBe('+442079460958');
    expect(normalizePhone('020 7946 0958')).toBeUndefined();
  });

  it.each(['12345', 'not a phone', '', '+10000000000', '+1 123 456 7890', 'call me at 415 555 0132'])(
    'refuses %j',
    (text) => {
      expect(normalizePhone(text)).toBeUndefined();
    },
  );
});

describe('isE164PhoneNumber', () => {
  it('accepts only valid numbers already in E.164', () => {
    expect(isE164PhoneNumber('+14155550132')).toBe(true);
    expect(isE164PhoneNumber('+442079460958')).toBe(true);
    expect(isE164PhoneNumber('4155550132')).toBe(false);
    expect(isE164PhoneNumber('+1 415 555 0132')).toBe(false);
    expect(isE164PhoneNumber('+10000000000')).toBe(false);
    expect(isE164PhoneNumber('')).toBe(false);
  });
});
