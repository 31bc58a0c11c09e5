import { describe, expect, it } from 'vitest';
import { compactValue, enumSynonyms } from './enum-synonyms.js';

describe('compactValue', () => {
  it.each([
    ['Next_Day', 'nextday'],
    ['U.S.P.S.', 'usps'],
    ['fed-ex', 'fedex'],
  ])('%j -> %j', (value, expected) => {
    expect(compactValue(value)).toBe(expected);
  });
});

describe('enumSynonyms', () => {
  it('knows common names of common values', () => {
    const synonyms = enumSynonyms(['usps', 'ups', 'fedex', 'dhl'], {}, '');
    expect(synonyms.usps).toContain('us postal service');
    expect(synonyms.fedex).toContain('federal express');
    expect(enumSynonyms(['next_day'], {}, '').next_day).toContain('overnight');
  });

  it('keeps the operator’s synonyms first', () => {
    expect(enumSynonyms(['express'], { express: ['zoom'] }, '').express?.[0]).toBe('zoom');
  });

  it('reads words the description pairs with a value', () => {
    const description = 'Carrier: usps (US Postal Service), rm = Royal Mail, Parcelforce (pf)';
    const synonyms = enumSynonyms(['usps', 'rm', 'pf'], {}, description);
    expect(synonyms.rm).toEqual(['Royal Mail']);
    expect(synonyms.pf).toEqual(['Parcelforce']);
    expect(synonyms.usps?.[0]).toBe('US Postal Service');
  });

  it('drops a word that names another value, or two values at once', () => {
    const synonyms = enumSynonyms(['standard', 'regular', 'express', 'overnight', 'next_day'], {}, '');
    expect(synonyms.standard).not.toContain('regular');
    expect(synonyms.overnight).not.toContain('next day');
    expect(synonyms.next_day).not.toContain('overnight');
  });
});
