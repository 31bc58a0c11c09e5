import { describe, expect, it } from 'vitest';
import { findPhoneSpans, findPhones, toCountryCode } from './find-phones.js';

describe('findPhones', () => {
  it('reads national numbers in the default region and reports them as typed', () => {
    expect(findPhones('call (415) 555-0132 after 5', 'US')).toEqual([
      { value: '+14155550132', matched: '(415) 555-0132', start: 5, end: 19, kind: 'phone' },
    ]);
    expect(findPhones('ring 020 7946 0958', 'GB').map((found) => found.value)).toEqual(['+442079460958']);
  });

  it('reads international numbers in any region and skips invalid ones', () => {
    expect(findPhones('+44 20 7946 0958 or 555-0000', 'US').map((found) => found.value)).toEqual([
      '+442079460958',
    ]);
    expect(findPhones('020 7946 0958', 'US')).toEqual([]);
  });
});

describe('toCountryCode', () => {
  it('upper-cases known regions and refuses unknown ones', () => {
    expect(toCountryCode('gb')).toBe('GB');
    expect(() => toCountryCode('XX')).toThrow(RangeError);
  });
});

describe('findPhoneSpans', () => {
  it('gives spans, and none for an unknown region instead of throwing', () => {
    expect(findPhoneSpans('2 tickets, call 415-555-0132', 'US')).toEqual([{ start: 16, end: 28 }]);
    expect(findPhoneSpans('415-555-0132', 'XX')).toEqual([]);
  });
});

describe('findPhones: numbers said in words', () => {
  it.each([
    ['two one two five five five zero one nine nine', '+12125550199'],
    ['four one five, five five five, zero one nine eight', '+14155550198'],
    ['two one two five five five oh one nine nine', '+12125550199'],
    ['212 five five five 0199', '+12125550199'],
    ['two one two, triple five, oh one double nine', '+12125550199'],
    ['plus one two one two five five five zero one nine nine', '+12125550199'],
  ])('reads %j as %s', (text, expected) => {
    expect(findPhones(text, 'US').map((found) => found.value)).toEqual([expected]);
  });

  it('leaves a quantity said before the number out of it', () => {
    expect(findPhones('for two, two one two five five five zero one nine nine', 'US')).toEqual([
      {
        value: '+12125550199',
        matched: 'two one two five five five zero one nine nine',
        start: 9,
        end: 54,
        kind: 'phone',
      },
    ]);
  });

  it.each(['one two three', 'oh, and four five', 'o r d one two three four five'])(
    'finds no number in %j',
    (text) => {
      expect(findPhones(text, 'US')).toEqual([]);
    },
  );
});
