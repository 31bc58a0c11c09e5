import { describe, expect, it } from 'vitest';
import { findConsent, isConsentParameter } from './find-consent.js';

describe('isConsentParameter', () => {
  it.each([
    ['consent', {}],
    ['marketing_opt_in', {}],
    ['ok', { description: 'The customer agrees to receive marketing emails' }],
  ])('%j %j records consent', (name, extra) => {
    expect(isConsentParameter(name, { type: 'boolean', ...extra })).toBe(true);
  });

  it('is not every boolean', () => {
    expect(isConsentParameter('gift_wrap', { type: 'boolean', description: 'Wrap it as a gift' })).toBe(
      false,
    );
  });
});

describe('findConsent', () => {
  const values = (text: string) => findConsent(text).map((found) => [found.value, found.matched]);

  it.each([
    ['and yes I agree to get offers', [[true, 'I agree']]],
    ['opt me in', [[true, 'opt me in']]],
    ['happy to get offers', [[true, 'happy to get offers']]],
    ["I don't agree", [[false, "I don't agree"]]],
    ["please don't send me offers", [[false, "don't send me offers"]]],
    ['no marketing please', [[false, 'no marketing']]],
    ['you have my permission to email me offers', [[true, 'you have my permission']]],
    ["you don't have my permission", [[false, "don't have my permission"]]],
  ])('%j -> %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each(['yes', 'no', 'sign me up', 'no problem', 'I want the newsletter'])(
    'finds no consent in %j, which does not say to what',
    (text) => {
      expect(values(text)).toEqual([]);
    },
  );
});
